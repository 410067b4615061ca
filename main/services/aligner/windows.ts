/**
 * Windows of 1–3 sentences. Candidates are found sentence by sentence; each pair then
 * grows into its neighbouring sentences (same paragraph) while that makes the two
 * sides more alike, so a point made over two sentences is shown whole. Pairs that
 * end up covering the same text on both sides are merged, keeping the best.
 */
import type { Candidate, Vectors } from './candidates';
import type { Passage } from './passages';
import { sparseCosine, windowTerms } from './space';

export const MAX_WINDOW = 3;

/** A run of consecutive sentence passages of one block: [first, last] indexes. */
export interface Window {
  first: number;
  last: number;
}

export interface WindowPair {
  a: Window;
  b: Window;
  score: number;
}

const adjacent = (passages: Passage[], i: number, j: number) =>
  j >= 0 && j < passages.length && passages[i].doc === passages[j].doc && passages[i].block === passages[j].block;

/** Grows one candidate pair into windows while the cosine rises by at least `gain`. */
export function growPair(passages: Passage[], vectors: Vectors, c: Candidate, gain = 0.01): WindowPair {
  let a: Window = { first: c.a, last: c.a };
  let b: Window = { first: c.b, last: c.b };
  let va = vectors.weigh(windowTerms(passages, a));
  let vb = vectors.weigh(windowTerms(passages, b));
  let score = sparseCosine(va, vb);
  for (;;) {
    let best: { a: Window; b: Window; va: Map<string, number>; vb: Map<string, number>; s: number } | undefined;
    const tries: [Window, Window][] = [];
    for (const [w, isA] of [
      [a, true],
      [b, false],
    ] as const) {
      if (w.last - w.first + 1 >= MAX_WINDOW) continue;
      const grown: Window[] = [];
      if (adjacent(passages, w.first, w.first - 1)) grown.push({ first: w.first - 1, last: w.last });
      if (adjacent(passages, w.last, w.last + 1)) grown.push({ first: w.first, last: w.last + 1 });
      for (const g of grown) tries.push(isA ? [g, b] : [a, g]);
    }
    for (const [ta, tb] of tries) {
      const nva = ta === a ? va : vectors.weigh(windowTerms(passages, ta));
      const nvb = tb === b ? vb : vectors.weigh(windowTerms(passages, tb));
      const s = sparseCosine(nva, nvb);
      if (s >= score + gain && (!best || s > best.s)) best = { a: ta, b: tb, va: nva, vb: nvb, s };
    }
    if (!best) break;
    ({ a, b, va, vb } = best);
    score = best.s;
  }
  return { a, b, score: Math.max(score, c.score) };
}

const overlaps = (x: Window, y: Window) => x.first <= y.last && y.first <= x.last;

/** Grows pairs and drops those covering the same text as a better pair, best first. */
export function windowPairs(
  passages: Passage[],
  vectors: Vectors,
  candidates: Candidate[],
  limit: number,
): WindowPair[] {
  const kept: WindowPair[] = [];
  for (const c of candidates) {
    if (kept.length >= limit) break;
    const p = growPair(passages, vectors, c);
    if (kept.some((k) => (overlaps(k.a, p.a) && overlaps(k.b, p.b)) || (overlaps(k.a, p.b) && overlaps(k.b, p.a))))
      continue;
    kept.push(p);
  }
  return kept.sort((x, y) => y.score - x.score);
}
