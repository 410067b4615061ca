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
  /**
   * Similarity of the query to every passage it touches outside document `exclude`, each
   * read in its context: the window of `contextOf` (a sentence either side, in its block).
   */
  contextScores(query: Map<string, number>, exclude: number): Map<number, number>;
  /** Builds ahead what the queries would build on first use. */
  prepare(): void;
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

/** Sentences of context on each side of a passage (within its block) when it is read in context. */
export const CONTEXT_RADIUS = 1;

/** The window of passage `i` read in its context: up to CONTEXT_RADIUS passages either side, same block. */
export function contextOf(passages: Passage[], i: number): Window {
  const same = (j: number) =>
    j >= 0 && j < passages.length && passages[j].doc === passages[i].doc && passages[j].block === passages[i].block;
  let first = i;
  let last = i;
  for (let r = 0; r < CONTEXT_RADIUS; r++) {
    if (same(first - 1)) first--;
    if (same(last + 1)) last++;
  }
  return { first, last };
}

/**
 * A window around `centre` cut back to what the windows already shown left, so that no two
 * overlap; undefined when its centre is shown already.
 */
export function cutBack(w: Window, centre: number, shown: Window[]): Window | undefined {
  if (shown.some((x) => x.first <= centre && centre <= x.last)) return undefined;
  let { first, last } = w;
  for (const x of shown) {
    if (x.last >= first && x.last < centre) first = x.last + 1;
    if (x.first <= last && x.first > centre) last = x.first - 1;
  }
  return { first, last };
}

type Postings = Map<string, { p: number[]; w: number[] }>;

function add(postings: Postings, p: number, vector: Iterable<[string, number]>): void {
  for (const [term, w] of vector) {
    let list = postings.get(term);
    if (!list) postings.set(term, (list = { p: [], w: [] }));
    list.p.push(p);
    list.w.push(w);
  }
}

/** The lexical space: TF-IDF cosine over an inverted index of every term. */
export class LexicalSpace implements PassageSpace {
  readonly vectors: Vectors;
  private readonly postings: Postings = new Map();
  /** Postings of the passages' context windows, built on first use. */
  private context?: Postings;

  constructor(
    private readonly passages: Passage[],
    private readonly docCount: number,
  ) {
    this.vectors = vectorise(passages);
    const names = [...this.vectors.vocab.keys()];
    passages.forEach((_, p) => {
      const ids = this.vectors.ids[p];
      const weights = this.vectors.weights[p];
      add(
        this.postings,
        p,
        Array.from(ids, (id, k) => [names[id], weights[k]] as [string, number]),
      );
    });
  }

  private run(postings: Postings, query: Map<string, number>, exclude: number): Map<number, number> {
    const scores = new Map<number, number>();
    for (const [term, wq] of query) {
      const list = postings.get(term);
      if (!list) continue;
      for (let j = 0; j < list.p.length; j++) {
        const p = list.p[j];
        if (this.passages[p].doc === exclude) continue;
        scores.set(p, (scores.get(p) ?? 0) + wq * list.w[j]);
      }
    }
    return scores;
  }

  prepare(): void {
    if (this.context) return;
    this.context = new Map();
    for (let p = 0; p < this.passages.length; p++) {
      add(this.context, p, this.vectors.weigh(windowTerms(this.passages, contextOf(this.passages, p))));
    }
  }

  contextScores(query: Map<string, number>, exclude: number): Map<number, number> {
    this.prepare();
    return this.run(this.context!, query, exclude);
  }

  weigh(terms: Map<string, number>): Map<string, number> {
    return this.vectors.weigh(terms);
  }

  scores(query: Map<string, number>, exclude: number): Map<number, number> {
    return this.run(this.postings, query, exclude);
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
