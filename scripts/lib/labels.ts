/**
 * The hand-labelled alignments of tests/fixtures/alignment-labels.json: loading them,
 * finding each quote in its document's plain text, and telling whether a suggested
 * alignment is the labelled pair.
 */
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../main/services/aligner/align';
import type { AlignInput } from '../../main/services/aligner/passages';
import type { Relation } from '../../main/services/aligner/relate';
import { splitSentences, type Span } from '../../main/services/aligner/sentences';

export type LabelRelation = Relation | 'none';

export interface LabelPair {
  id: string;
  split: 'tune' | 'heldout' | 'fresh';
  relation: LabelRelation;
  a: { doc: string; quote: string };
  b: { doc: string; quote: string };
  why: string;
}

/** A labelled pair with each side's passage: the sentences its quote lies in. */
export interface ResolvedPair extends LabelPair {
  spanA: Span;
  spanB: Span;
}

export const LABELS_FILE = new URL('../../tests/fixtures/alignment-labels.json', import.meta.url);

export function loadLabels(file: URL | string = LABELS_FILE): LabelPair[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelPair[] }).pairs;
}

/** The passage of a quote: the union of the sentences of its block that it overlaps. */
export function passageOf(doc: AlignInput, quote: string): Span {
  const at = doc.text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in ${doc.id}`);
  if (doc.text.indexOf(quote, at + 1) >= 0) throw new Error(`"${quote}" occurs more than once in ${doc.id}`);
  const end = at + quote.length;
  const block = doc.blocks.find((b) => b.start <= at && end <= b.end);
  if (!block) throw new Error(`"${quote}" crosses a block boundary in ${doc.id}`);
  const overlapping = splitSentences(doc.text, block.start, block.end).filter((s) => s.start < end && at < s.end);
  return { start: overlapping[0].start, end: overlapping[overlapping.length - 1].end };
}

export function resolveLabels(pairs: LabelPair[], docs: AlignInput[]): ResolvedPair[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const doc = (id: string) => {
    const d = byId.get(id);
    if (!d) throw new Error(`no document "${id}"`);
    return d;
  };
  return pairs.map((p) => ({
    ...p,
    spanA: passageOf(doc(p.a.doc), p.a.quote),
    spanB: passageOf(doc(p.b.doc), p.b.quote),
  }));
}

const overlaps = (x: { start: number; end: number }, y: Span) => x.start < y.end && y.start < x.end;

/** Whether a suggestion covers a labelled pair (in either order). */
export function matches(al: Alignment, p: ResolvedPair): boolean {
  const direct = al.a.doc === p.a.doc && al.b.doc === p.b.doc && overlaps(al.a, p.spanA) && overlaps(al.b, p.spanB);
  const swapped = al.a.doc === p.b.doc && al.b.doc === p.a.doc && overlaps(al.a, p.spanB) && overlaps(al.b, p.spanA);
  return direct || swapped;
}
