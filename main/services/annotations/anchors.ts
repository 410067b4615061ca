/**
 * Keeping annotations attached to their text: the plain text of each document
 * revision (cached), the checks on a new range, and re-anchoring after the text
 * changed (an edit in a pane, a re-import, an undo that restores an old range).
 */
import { ParallaxError } from '../../../common/api';
import { quoteAt, reanchor } from '../../../common/anchoring';
import { linkEndKey, type DocumentRecord, type TextQuote, type WorkspaceFile } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import { schema } from '../../../common/schema';

const cache = new Map<string, { revision: number; text: string }>();

/** The plain text of a document's current revision. */
export function textOf(record: DocumentRecord): string {
  const hit = cache.get(record.id);
  if (hit && hit.revision === record.revision) return hit.text;
  const text = plainTextOf(schema.nodeFromJSON(record.doc)).text;
  cache.set(record.id, { revision: record.revision, text });
  return text;
}

/** Remembers the text of a revision just saved, so the next lookup needs no parse. */
export function rememberText(record: DocumentRecord, text: string): void {
  cache.set(record.id, { revision: record.revision, text });
}

/**
 * Checks a range of `text` for a new or re-attached annotation and trims surrounding
 * white space from it. Throws `invalid-input` for an empty or out-of-range selection.
 */
export function checkRange(text: string, start: number, end: number, title: string): { start: number; end: number } {
  if (end > text.length || start > text.length) {
    throw new ParallaxError(
      'invalid-input',
      `The range ${start}–${end} is outside "${title}" (${text.length} characters).`,
    );
  }
  if (end <= start) throw new ParallaxError('invalid-input', 'Select some text first: the selection is empty.');
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) throw new ParallaxError('invalid-input', 'The selection holds only white space.');
  return { start, end };
}

/** Anything anchored in a document's text like an annotation: annotations and link ends. */
export interface Anchored {
  doc: string;
  start: number;
  end: number;
  quote: TextQuote;
  revision: number;
  orphan: boolean;
}

/** Every anchored range of the workspace with the key it goes by in anchor updates. */
export function* anchoredItems(data: Pick<WorkspaceFile, 'annotations' | 'links'>): Generator<[string, Anchored]> {
  for (const a of data.annotations) yield [a.id, a];
  for (const link of data.links)
    for (let i = 0; i < link.ends.length; i++) yield [linkEndKey(link.id, i), link.ends[i]];
}

/** Points an annotation (or link end) at `text[start, end)` of its document's current revision. */
export function attach(annotation: Anchored, record: DocumentRecord, text: string, start: number, end: number): void {
  annotation.doc = record.id;
  annotation.start = start;
  annotation.end = end;
  annotation.quote = quoteAt(text, start, end);
  annotation.revision = record.revision;
  annotation.orphan = false;
}

/**
 * Finds an annotation again in the current text of its document (it refers to an
 * older revision). Returns false and marks it an orphan when it cannot be found.
 */
export function reanchorAnnotation(annotation: Anchored, record: DocumentRecord, text: string): boolean {
  const found = reanchor(text, annotation);
  if (!found) {
    annotation.orphan = true;
    return false;
  }
  attach(annotation, record, text, found.start, found.end);
  return true;
}

/** Brings every annotation (or link end) of the workspace up to its document's revision; returns how many became orphans. */
export function reconcileAnchors(documents: DocumentRecord[], annotations: Iterable<Anchored>): number {
  const byId = new Map(documents.map((d) => [d.id, d]));
  let orphaned = 0;
  for (const a of annotations) {
    const record = byId.get(a.doc);
    if (!record) {
      if (!a.orphan) orphaned++;
      a.orphan = true;
      continue;
    }
    if (a.orphan) continue;
    // A range brought in without context (a migrated suggestion) gets its quote's context here.
    const bare = !a.quote.prefix && !a.quote.suffix && (a.start > 0 || a.end < textOf(record).length);
    if (a.revision === record.revision && !bare) continue;
    if (!reanchorAnnotation(a, record, textOf(record))) orphaned++;
  }
  return orphaned;
}
