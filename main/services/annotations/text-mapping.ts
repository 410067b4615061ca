/**
 * Where ranges of a document's plain text go when the text is edited, for ranges the
 * editor did not map itself: the states of annotations and links kept in the undo
 * history (a deleted annotation, a link as it stood before an undo). The edits are found
 * by comparing the two texts word by word (jsdiff, bounded) — by character, a deleted
 * passage could leave a letter that happens to match behind — and positions are mapped the way
 * ProseMirror maps a non-inclusive decoration: text typed at either edge of a range
 * stays outside it.
 */
import { diffWordsWithSpace } from 'diff';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** One replacement: the old text's `[from, to)` became `inserted` characters. */
export interface TextEdit {
  from: number;
  to: number;
  inserted: number;
}

/** Most characters of edits looked for between two saves; a larger change is not mapped (ranges are found again by quote). */
export const MAX_MAPPED_EDIT = 20_000;

/**
 * The edits that turn `before` into `after`, in order, or undefined when they are too
 * many to find cheaply. The common start and end are trimmed first, so a save of
 * ordinary typing compares only the few characters around it.
 */
export function textEdits(before: string, after: string): TextEdit[] | undefined {
  if (before === after) return [];
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  // Compare whole words: back both ends off to the edge of the word they cut.
  while (head > 0 && WORD_CHAR.test(before[head - 1])) head--;
  while (tail > 0 && WORD_CHAR.test(before[before.length - tail])) tail--;
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  if (!oldMiddle || !newMiddle) return [{ from: head, to: head + oldMiddle.length, inserted: newMiddle.length }];
  if (oldMiddle.length + newMiddle.length > 4 * MAX_MAPPED_EDIT) return undefined;
  const parts = diffWordsWithSpace(oldMiddle, newMiddle, { maxEditLength: MAX_MAPPED_EDIT, timeout: 250 });
  if (!parts) return undefined;
  const edits: TextEdit[] = [];
  let at = head;
  for (const part of parts) {
    const last = edits.at(-1);
    const open = last && last.to === at ? last : undefined;
    if (part.added) {
      if (open) open.inserted += part.value.length;
      else edits.push({ from: at, to: at, inserted: part.value.length });
    } else if (part.removed) {
      if (open) open.to += part.value.length;
      else edits.push({ from: at, to: at + part.value.length, inserted: 0 });
      at += part.value.length;
    } else at += part.value.length;
  }
  return edits;
}

/** Where `pos` of the old text is in the new one; `side` -1 keeps it before text inserted there, 1 after. */
export function mapPosition(edits: readonly TextEdit[], pos: number, side: -1 | 1): number {
  let shift = 0;
  for (const e of edits) {
    if (e.from > pos) break;
    if (e.to < pos || (e.to === pos && e.from < pos)) {
      shift += e.inserted - (e.to - e.from);
      continue;
    }
    // pos is at or inside this replacement: it goes to one of its edges.
    const toEnd = e.from === e.to ? side > 0 : pos === e.from ? false : side > 0;
    return e.from + shift + (toEnd ? e.inserted : 0);
  }
  return pos + shift;
}

/** Where the range `[start, end)` is after the edits; undefined when the edits deleted all of it. */
export function mapRange(
  edits: readonly TextEdit[],
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  const mappedStart = mapPosition(edits, start, 1);
  const mappedEnd = mapPosition(edits, end, -1);
  return mappedEnd > mappedStart ? { start: mappedStart, end: mappedEnd } : undefined;
}
