/**
 * Making an imported document storable: the same limits a save applies (size, depth,
 * characters), applied when a document enters the workspace, so whatever Parallax
 * imports it can also save and export. Control codes that no export format can hold
 * are removed (page and line tabulations become spaces) and counted for a warning;
 * a document too large or too deep is refused naming the file.
 */
import type { Node } from 'prosemirror-model';
import { ParallaxError } from '../../common/api';
import { documentTooLarge } from '../../common/limits';
import type { NodeJSON } from '../../common/model';
import { checkNodeJSON } from '../../common/node-json';
import { schema } from '../../common/schema';

const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cleanString(value: string, count: { removed: number }): string {
  if (!UNSTORABLE.test(value) && !LONE_SURROGATE.test(value)) return value;
  UNSTORABLE.lastIndex = LONE_SURROGATE.lastIndex = 0;
  return value
    .replace(UNSTORABLE, (ch) => {
      count.removed++;
      return ch === '\u000B' || ch === '\u000C' ? ' ' : '';
    })
    .replace(LONE_SURROGATE, () => {
      count.removed++;
      return '\uFFFD';
    });
}

function cleanAttrs(attrs: Record<string, unknown> | undefined, count: { removed: number }): void {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs))
    if (typeof value === 'string') attrs[key] = cleanString(value, count);
}

/** Removes characters Parallax cannot store from a document's JSON (in place, without recursion). */
export function removeUnstorableCharacters(root: NodeJSON): number {
  const count = { removed: 0 };
  const stack: NodeJSON[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.text === 'string') node.text = cleanString(node.text, count);
    cleanAttrs(node.attrs, count);
    for (const mark of node.marks ?? []) cleanAttrs(mark.attrs, count);
    if (node.content) {
      // A text node left empty is not a node any more.
      node.content = node.content.filter((child) => child.text !== '' || child.type !== 'text');
      stack.push(...node.content);
    }
  }
  return count.removed;
}

/**
 * The document as Parallax can store it, and how many characters had to go. Throws a
 * `too-large` or `too-deep` ParallaxError starting with `name`.
 */
export function storableDocument(doc: Node, name: string): { doc: Node; removed: number } {
  const json = doc.toJSON() as NodeJSON;
  const removed = removeUnstorableCharacters(json);
  const tooLarge = documentTooLarge(json);
  if (tooLarge) throw new ParallaxError('too-large', `${name}: ${tooLarge}. Split it into several files.`);
  const problem = checkNodeJSON(json);
  if (problem) throw new ParallaxError(problem.tooDeep ? 'too-deep' : 'invalid-input', `${name}: ${problem.message}.`);
  return { doc: removed ? schema.nodeFromJSON(json) : doc, removed };
}
