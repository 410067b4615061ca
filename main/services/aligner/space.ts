/**
 * Passage spaces: how close a query is to the passages of a corpus. The lexical space
 * compares specificity-weighted TF-IDF vectors (candidates.ts) through an inverted
 * index, so a query costs only the postings of its own terms; a dense space (sentence
 * embeddings) plugs in behind the same interface to re-rank.
 */
import { vectorise, type Vectors } from './candidates';
import type { Passage } from './passages';
import type { Window } from './windows';

/** A passage close to a query, with its similarity (0–1). */
export interface Neighbour {
  passage: number;
  similarity: number;
}

/** What a retrieval method offers the counterpart search. */
export interface PassageSpace {
  /** Similarity of the query to every passage it touches outside document `exclude`. */
  scores(query: Map<string, number>, exclude: number): Map<number, number>;
  /** The best `perDoc` passages of each document other than `exclude`, best first per document. */
  neighbours(query: Map<string, number>, exclude: number, perDoc: number): Neighbour[][];
  /** Similarity of the query to a window of consecutive passages. */
  windowSimilarity(query: Map<string, number>, window: Window): number;
  /** The query's unit vector from its term counts. */
  weigh(terms: Map<string, number>): Map<string, number>;
}

/** Sum of products of two sparse unit vectors. */
export function sparseCosine(x: Map<string, number>, y: Map<string, number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let sum = 0;
  for (const [t, w] of small) sum += w * (large.get(t) ?? 0);
  return sum;
}

/** Term counts of a window of passages. */
export function windowTerms(passages: Passage[], w: Window): Map<string, number> {
  const terms = new Map<string, number>();
  for (let i = w.first; i <= w.last; i++) for (const [t, n] of passages[i].terms) terms.set(t, (terms.get(t) ?? 0) + n);
  return terms;
}

/** The lexical space: TF-IDF cosine over an inverted index of every term. */
export class LexicalSpace implements PassageSpace {
  readonly vectors: Vectors;
  private readonly postings = new Map<string, { p: number[]; w: number[] }>();

  constructor(
    private readonly passages: Passage[],
    private readonly docCount: number,
  ) {
    this.vectors = vectorise(passages);
    const names = [...this.vectors.vocab.keys()];
    passages.forEach((_, p) => {
      const ids = this.vectors.ids[p];
      for (let k = 0; k < ids.length; k++) {
        const term = names[ids[k]];
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { p: [], w: [] }));
        list.p.push(p);
        list.w.push(this.vectors.weights[p][k]);
      }
    });
  }

  weigh(terms: Map<string, number>): Map<string, number> {
    return this.vectors.weigh(terms);
  }

  scores(query: Map<string, number>, exclude: number): Map<number, number> {
    const scores = new Map<number, number>();
    for (const [term, wq] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let j = 0; j < list.p.length; j++) {
        const p = list.p[j];
        if (this.passages[p].doc === exclude) continue;
        scores.set(p, (scores.get(p) ?? 0) + wq * list.w[j]);
      }
    }
    return scores;
  }

  neighbours(query: Map<string, number>, exclude: number, perDoc: number): Neighbour[][] {
    const scores = this.scores(query, exclude);
    const byDoc: Neighbour[][] = Array.from({ length: this.docCount }, () => []);
    for (const [p, s] of scores) byDoc[this.passages[p].doc].push({ passage: p, similarity: Math.min(1, s) });
    return byDoc.map((list) =>
      list.sort((x, y) => y.similarity - x.similarity || x.passage - y.passage).slice(0, perDoc),
    );
  }

  windowSimilarity(query: Map<string, number>, window: Window): number {
    return Math.min(1, sparseCosine(query, this.vectors.weigh(windowTerms(this.passages, window))));
  }
}
