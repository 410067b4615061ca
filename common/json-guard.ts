/**
 * Checks of untrusted JSON that must not recurse: how deep it nests, and whether its
 * strings hold characters Parallax cannot store or export (XML 1.0 has no way to write
 * NUL, most other C0 control codes, U+FFFE/U+FFFF or an unpaired surrogate). Both walk
 * the value with an explicit stack, so a payload nested 100,000 deep is measured, not
 * overflowed on.
 */

/** Deepest JSON nesting accepted anywhere: a document at MAX_DOCUMENT_DEPTH nodes plus its envelope. */
export const MAX_JSON_DEPTH = 240;

/** Characters XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF. */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where a value fails the checks, as a path such as `doc.content.3.text`. */
export interface JSONProblem {
  kind: 'too-deep' | 'bad-character';
  path: (string | number)[];
  message: string;
}

/** Describes the first character of `text` that Parallax cannot store, if any. */
export function badCharacter(text: string): string | undefined {
  const control = FORBIDDEN_CHAR.exec(text);
  const lone = LONE_SURROGATE.exec(text);
  const first = [control, lone].filter((m): m is RegExpExecArray => !!m).sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const code = first[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return lone === first
    ? `contains a broken character (an unpaired surrogate U+${code}) at position ${first.index}`
    : `contains the control character U+${code} at position ${first.index}, which Parallax cannot store or export`;
}

/**
 * Finds the first place where `value` nests deeper than `maxDepth` (objects and arrays
 * each count one level) or (unless `checkText` is false) a string or key holds a
 * character Parallax cannot store.
 */
export function inspectJSON(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  options: { checkText?: boolean } = {},
): JSONProblem | undefined {
  const checkText = options.checkText ?? true;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!checkText) continue;
      const bad = badCharacter(current);
      if (bad) return { kind: 'bad-character', path, message: bad };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) {
      return { kind: 'too-deep', path: path.slice(0, 8), message: `nested more than ${maxDepth} levels deep` };
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
    } else {
      for (const [key, child] of Object.entries(current)) {
        const bad = checkText ? badCharacter(key) : undefined;
        if (bad) return { kind: 'bad-character', path: [...path, key], message: `a field name ${bad}` };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

/** A problem's path for messages: "doc.content.0" or "input". */
export function describePath(path: (string | number)[]): string {
  return path.length ? path.join('.') : 'input';
}
