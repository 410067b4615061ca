/**
 * What the counterparts panel shows: the answer for a passage (from the aligner's
 * counterparts call, or from Align's stored suggestions), and a passage in its context.
 */
import type { Relation, Suggestion } from '../../../common/model';

/** A passage of a document, as plain-text offsets, with its text. */
export interface Passage {
  doc: string;
  start: number;
  end: number;
  text: string;
}

/** A counterpart in another document: how alike (similarity), what relation and how sure. */
export interface Match extends Passage {
  similarity: number;
  relation: Relation;
  confidence: number;
  evidence: { kind: string; a: [number, number] | null; b: [number, number] | null; note: string }[];
}

/** The answer for one passage: the sentence(s) asked about and its matches, grouped by document. */
export interface CounterpartsAnswer {
  passage: Passage;
  matches: Match[];
  state: 'lexical' | 'refined' | 'suggestions';
}

export type CounterpartQuery = { doc: string; start: number; end: number };

/** Asks for the counterparts of a passage. */
export type CounterpartSource = (query: CounterpartQuery) => Promise<CounterpartsAnswer>;

/**
 * Counterparts from Align's stored suggestions: the suggested passages overlapping the
 * query (or holding the cursor) and their other sides, best first. Used where the
 * aligner cannot be asked per passage.
 */
export function counterpartsFromSuggestions(list: Suggestion[], q: CounterpartQuery, perDoc = 3): CounterpartsAnswer {
  const hits: { mine: Passage; other: Match }[] = [];
  for (const s of list) {
    for (const [mine, other, key] of [
      [s.a, s.b, 'b'],
      [s.b, s.a, 'a'],
    ] as const) {
      const touches =
        q.end > q.start ? mine.start < q.end && q.start < mine.end : mine.start <= q.start && q.start <= mine.end;
      if (mine.doc !== q.doc || other.doc === q.doc || !touches) continue;
      hits.push({
        mine,
        other: {
          doc: other.doc,
          start: other.start,
          end: other.end,
          text: other.text,
          similarity: s.score,
          relation: s.relation,
          confidence: (s as Suggestion & { confidence?: number | null }).confidence ?? s.score,
          // Evidence is oriented from the asked passage (a) to the match (b).
          evidence: s.evidence.map((e) => ({ ...e, a: key === 'b' ? e.a : e.b, b: key === 'b' ? e.b : e.a })),
        },
      });
    }
  }
  hits.sort((x, y) => y.other.similarity - x.other.similarity);
  const counts = new Map<string, number>();
  const matches = hits
    .filter(({ other }) => {
      const n = counts.get(other.doc) ?? 0;
      counts.set(other.doc, n + 1);
      return n < perDoc;
    })
    .map((h) => h.other);
  const passage = hits[0]?.mine ?? { doc: q.doc, start: q.start, end: q.end, text: '' };
  return { passage, matches, state: 'suggestions' };
}

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
