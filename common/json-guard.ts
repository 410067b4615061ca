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
  // Each entry points to its parent, so paths are built only for a problem, not per value.
  interface Entry {
    value: unknown;
    depth: number;
    key: string | number | undefined;
    parent: Entry | undefined;
  }
  const pathOf = (entry: Entry, extra?: string): (string | number)[] => {
    const path: (string | number)[] = extra === undefined ? [] : [extra];
    for (let e: Entry | undefined = entry; e && e.key !== undefined; e = e.parent) path.unshift(e.key);
    return path;
  };
  const stack: Entry[] = [{ value, depth: 0, key: undefined, parent: undefined }];
  while (stack.length) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (!checkText) continue;
      const bad = badCharacter(current);
      if (bad) return { kind: 'bad-character', path: pathOf(entry), message: bad };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (entry.depth >= maxDepth) {
      return { kind: 'too-deep', path: pathOf(entry).slice(0, 8), message: `nested more than ${maxDepth} levels deep` };
    }
    const depth = entry.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const child: unknown = current[i];
        // Without the text check only objects and arrays matter: skip the rest unstacked.
        if (checkText || (typeof child === 'object' && child !== null)) {
          stack.push({ value: child, depth, key: i, parent: entry });
        }
      }
    } else {
      for (const key in current) {
        if (!Object.prototype.hasOwnProperty.call(current, key)) continue;
        const bad = checkText ? badCharacter(key) : undefined;
        if (bad) return { kind: 'bad-character', path: pathOf(entry, key), message: `a field name ${bad}` };
        const child = (current as Record<string, unknown>)[key];
        if (checkText || (typeof child === 'object' && child !== null))
          stack.push({ value: child, depth, key, parent: entry });
      }
    }
  }
  return undefined;
}

/** A problem's path for messages: "doc.content.0" or "input". */
export function describePath(path: (string | number)[]): string {
  return path.length ? path.join('.') : 'input';
}
