/** Where the counterparts panel's answers come from, and a passage shown in its context. */
import type { Counterparts, PassageRef } from '../../../common/model';

/** A passage of a document: plain-text offsets and the text they cover. */
export type Passage = PassageRef;

export type CounterpartQuery = { doc: string; start: number; end: number };

/** Asks for the counterparts of a passage (the aligner's counterparts call). */
export type CounterpartSource = (query: CounterpartQuery) => Promise<Counterparts>;

/** The passage with up to `chars` characters of its paragraph on either side. */
export function inContext(text: string, p: Passage, chars = 160): { before: string; passage: string; after: string } {
  const paraStart = text.lastIndexOf('\n\n', p.start);
  const paraEnd = text.indexOf('\n\n', p.end);
  const paraFrom = paraStart < 0 ? 0 : paraStart + 2;
  const paraTo = paraEnd < 0 ? text.length : paraEnd;
  let from = Math.max(paraFrom, p.start - chars);
  let to = Math.min(paraTo, p.end + chars);
  // Cut between words, not inside one.
  if (from > paraFrom && /\S/.test(text[from - 1])) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < p.start ? space + 1 : p.start;
  }
  if (to < paraTo && /\S/.test(text[to])) {
    const space = text.lastIndexOf(' ', to);
    to = space > p.end ? space : p.end;
  }
  const before = text.slice(from, p.start);
  const after = text.slice(p.end, to);
  return {
    before: (from > paraFrom ? '…' : '') + before,
    passage: text.slice(p.start, p.end) || p.text,
    after: after + (to < paraTo ? '…' : ''),
  };
}
