/**
 * Checking a ProseMirror document's JSON without recursion. A recursive schema (zod's
 * z.lazy) walks one stack frame chain per nesting level, so a document nested a few
 * thousand levels deep overflowed the stack — at the boundary as a 500, and worse, on
 * the next start when the saved workspace was validated. This check walks with an
 * explicit stack and refuses a document deeper than MAX_DOCUMENT_DEPTH with a
 * `too-deep` issue, so nothing accepted can fail to load.
 */
import { MAX_DOCUMENT_DEPTH } from './limits';

/** The first thing wrong with a document's JSON. */
export interface NodeProblem {
  path: (string | number)[];
  message: string;
  tooDeep: boolean;
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'text', 'marks']);
const MARK_KEYS = new Set(['type', 'attrs']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkName(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length < 1 || value.length > 64)
    return 'type must be a name of 1–64 characters';
  return undefined;
}

function checkShape(value: unknown, keys: Set<string>, what: string): string | undefined {
  if (!isRecord(value)) return `${what} must be an object`;
  for (const key of Object.keys(value)) if (!keys.has(key)) return `${what} has an unknown field "${key}"`;
  if (value.attrs !== undefined && !isRecord(value.attrs)) return 'attrs must be an object';
  return checkName(value.type);
}

/** Checks the structure and depth of a document's JSON; undefined when it is sound. */
export function checkNodeJSON(root: unknown, maxDepth = MAX_DOCUMENT_DEPTH): NodeProblem | undefined {
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: root, path: [], depth: 1 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (depth > maxDepth) {
      return {
        path: path.slice(0, 6),
        message: `the document nests more than ${maxDepth} levels deep (quotes or lists inside each other)`,
        tooDeep: true,
      };
    }
    const shape = checkShape(node, NODE_KEYS, 'a node');
    if (shape) return { path, message: shape, tooDeep: false };
    const { text, marks, content } = node as Record<string, unknown>;
    if (text !== undefined && typeof text !== 'string')
      return { path, message: 'text must be a string', tooDeep: false };
    if (marks !== undefined) {
      if (!Array.isArray(marks)) return { path, message: 'marks must be a list', tooDeep: false };
      for (let i = 0; i < marks.length; i++) {
        const problem = checkShape(marks[i], MARK_KEYS, 'a mark');
        if (problem) return { path: [...path, 'marks', i], message: problem, tooDeep: false };
      }
    }
    if (content !== undefined) {
      if (!Array.isArray(content)) return { path, message: 'content must be a list', tooDeep: false };
      for (let i = content.length - 1; i >= 0; i--) {
        stack.push({ node: content[i], path: [...path, 'content', i], depth: depth + 1 });
      }
    }
  }
  return undefined;
}
