/**
 * Candidate pairs without comparing all pairs: TF-IDF vectors (sublinear tf, L2
 * normalised) and an inverted index; each passage gathers cosine scores only from the
 * postings of its own terms, skipping terms so common they cannot discriminate, and
 * keeps its top k in every other document. Pairs that are in each other's top k are
 * kept (mutual best). Cost grows with the postings visited, roughly linearly in the
 * corpus for a fixed cap.
 */
import { termSpecificity } from './background';
import type { Passage } from './passages';

export interface Candidate {
  a: number;
  b: number;
  score: number;
}

export interface CandidateOptions {
  /** Neighbours kept per passage per other document. */
  topK?: number;
  /** Terms in more than this share of passages do not generate candidates (they still score). */
  maxDocFrequency?: number;
  minScore?: number;
  /** Score factor for pairs that are in only one side's top k (0 drops them). */
  oneSidedFactor?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Vectors {
  ids: Int32Array[];
  weights: Float64Array[];
  df: Int32Array;
  vocab: Map<string, number>;
  /** The unit vector of any bag of terms under the same weighting (for windows of passages). */
  weigh: (terms: Map<string, number>) => Map<string, number>;
}

/** Sparse unit vectors of passages, as parallel arrays of term ids and weights. */
export function vectorise(passages: Passage[]): Vectors {
  const vocab = new Map<string, number>();
  const dfList: number[] = [];
  for (const p of passages) {
    for (const term of p.terms.keys()) {
      let id = vocab.get(term);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(term, id);
        dfList.push(0);
      }
      dfList[id]++;
    }
  }
  const n = passages.length;
  const df = Int32Array.from(dfList);
  const spec = new Float64Array(vocab.size);
  for (const [term, id] of vocab) spec[id] = termSpecificity(term);
  const weightOf = (id: number, tf: number) => (1 + Math.log(tf)) * (Math.log((n + 1) / (df[id] + 1)) + 1) * spec[id];
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (const p of passages) {
    const pid = new Int32Array(p.terms.size);
    const w = new Float64Array(p.terms.size);
    let i = 0;
    let norm = 0;
    for (const [term, tf] of p.terms) {
      const id = vocab.get(term)!;
      const weight = weightOf(id, tf);
      pid[i] = id;
      w[i] = weight;
      norm += weight * weight;
      i++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k] /= norm;
    ids.push(pid);
    weights.push(w);
  }
  const weigh = (terms: Map<string, number>) => {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of terms) {
      const id = vocab.get(term);
      if (id === undefined) continue;
      const weight = weightOf(id, tf);
      out.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of out) out.set(term, w / norm);
    return out;
  };
  return { ids, weights, df, vocab, weigh };
}

/** Mutual top-k pairs across documents, best first. */
export function findCandidates(
  passages: Passage[],
  docCount: number,
  options: CandidateOptions = {},
  vectors: Vectors = vectorise(passages),
): Candidate[] {
  const topK = options.topK ?? 2;
  const minScore = options.minScore ?? 0.15;
  const oneSided = options.oneSidedFactor ?? 0.8;
  const { ids, weights, df } = vectors;
  const n = passages.length;
  const cap = Math.max(20, Math.floor((options.maxDocFrequency ?? 0.05) * n));
  // Inverted index: term id → passages and weights.
  const postings: { p: number[]; w: number[] }[] = Array.from({ length: df.length }, () => ({ p: [], w: [] }));
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < ids[p].length; k++) {
      const id = ids[p][k];
      if (df[id] > cap) continue;
      postings[id].p.push(p);
      postings[id].w.push(weights[p][k]);
    }
  }
  const best: Map<number, number>[] = []; // per passage: neighbour → score (top k per other doc)
  const scores = new Float64Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let k = 0; k < ids[a].length; k++) {
      const posting = postings[ids[a][k]];
      const wa = weights[a][k];
      for (let j = 0; j < posting.p.length; j++) {
        const b = posting.p[j];
        if (passages[b].doc === passages[a].doc) continue;
        if (scores[b] === 0) touched.push(b);
        scores[b] += wa * posting.w[j];
      }
    }
    const perDoc: { b: number; s: number }[][] = Array.from({ length: docCount }, () => []);
    for (const b of touched) {
      const s = scores[b];
      scores[b] = 0;
      if (s < minScore) continue;
      const list = perDoc[passages[b].doc];
      list.push({ b, s });
      if (list.length > topK * 4) {
        list.sort((x, y) => y.s - x.s);
        list.length = topK;
      }
    }
    touched.length = 0;
    const mine = new Map<number, number>();
    for (const list of perDoc) {
      list.sort((x, y) => y.s - x.s);
      for (const { b, s } of list.slice(0, topK)) mine.set(b, s);
    }
    best.push(mine);
    if (options.onProgress && a % 500 === 0) options.onProgress(a, n);
  }
  options.onProgress?.(n, n);
  // Mutual best pairs first; one-sided ones are kept at a discount.
  const out: Candidate[] = [];
  for (let a = 0; a < n; a++) {
    for (const [b, s] of best[a]) {
      const mutual = best[b].has(a);
      if (mutual && b < a) continue; // counted from the other side
      out.push({ a, b, score: mutual ? s : s * oneSided });
    }
  }
  return out.sort((x, y) => y.score - x.score);
}

/** The key of an unordered pair of passages. */
export const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Cosine of two passages' unit vectors. */
function cosine(vectors: Vectors, a: number, b: number): number {
  const wb = new Map<number, number>();
  for (let k = 0; k < vectors.ids[b].length; k++) wb.set(vectors.ids[b][k], vectors.weights[b][k]);
  let s = 0;
  for (let k = 0; k < vectors.ids[a].length; k++) s += vectors.weights[a][k] * (wb.get(vectors.ids[a][k]) ?? 0);
  return s;
}

export interface SupportOptions {
  minScore?: number;
  /** Score gain per third document that takes up the same point (at most three count). */
  gainPerDocument?: number;
  /** Closest neighbours of a passage looked at for triangles. */
  neighbours?: number;
}

/**
 * One point taken up across three or more documents: when passages a and b are both
 * close to a passage of a third document, the pair is likely about the same thing. Each
 * candidate pair gains score per such third document, and pairs the top-k step missed
 * but that such a triangle implies (a~c, b~c, but not a~b) are added if they are close
 * enough on their own. Returns candidates best first and, per pair, the third
 * documents' indices. Cost: each passage's closest few neighbours, pairwise.
 */
export function supportAcrossDocuments(
  passages: Passage[],
  candidates: Candidate[],
  vectors: Vectors,
  options: SupportOptions = {},
): { candidates: Candidate[]; thirds: Map<string, number[]> } {
  const minScore = options.minScore ?? 0.15;
  const gain = options.gainPerDocument ?? 0.1;
  const perPassage = options.neighbours ?? 8;
  const neighbours = new Map<number, { p: number; s: number }[]>();
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) {
    byKey.set(pairKey(c.a, c.b), c);
    for (const [x, y] of [
      [c.a, c.b],
      [c.b, c.a],
    ]) {
      if (!neighbours.has(x)) neighbours.set(x, []);
      neighbours.get(x)!.push({ p: y, s: c.score });
    }
  }
  const thirds = new Map<string, Set<number>>();
  for (const [c, around] of neighbours) {
    // Only a passage's closest neighbours: the pairs among them grow with its square.
    const list = around
      .sort((x, y) => y.s - x.s)
      .slice(0, perPassage)
      .map((n) => n.p);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const da = passages[a].doc;
        const db = passages[b].doc;
        const dc = passages[c].doc;
        if (da === db || da === dc || db === dc) continue;
        const k = pairKey(a, b);
        if (!byKey.has(k)) {
          const s = cosine(vectors, a, b);
          if (s < minScore) continue;
          byKey.set(k, { a, b, score: s });
        }
        if (!thirds.has(k)) thirds.set(k, new Set());
        thirds.get(k)!.add(dc);
      }
    }
  }
  const out: Candidate[] = [];
  for (const [k, c] of byKey) {
    const docs = thirds.get(k)?.size ?? 0;
    out.push({ ...c, score: c.score * (1 + gain * Math.min(3, docs)) });
  }
  return {
    candidates: out.sort((x, y) => y.score - x.score),
    thirds: new Map([...thirds].map(([k, v]) => [k, [...v].sort((x, y) => x - y)])),
  };
}
