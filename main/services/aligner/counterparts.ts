/**
 * Counterparts: for one passage, what each other author says about it — the best few
 * passages of every other document, each grown into a window of up to three sentences
 * when that makes it closer, with a relation and its evidence. The index (passages,
 * vectors, postings) is built once per corpus and answers a query from the postings of
 * the query's own terms, cheap enough for every cursor move.
 */
import type { CounterpartMatch, Counterparts } from '../../../common/model';
import { ConceptMatcher, type Concept } from './concepts';
import { tokenize } from './normalise';
import { buildPassages, sideOfPassages, termsOf, yearWritten, type AlignInput, type Passage } from './passages';
import { relate, type Side } from './relate';
import { splitSentences, type Span } from './sentences';
import { LexicalSpace, type Neighbour, type PassageSpace } from './space';
import { MAX_WINDOW, type Window } from './windows';
import { DEFAULT_CONFIG } from './config';

/** A query: a range of a document's plain text (a cursor when start = end). */
export interface CounterpartQuery {
  doc: string;
  start: number;
  end: number;
  /** Matches per other document. */
  k?: number;
  /** Only this other document (evaluation, a panel showing one text). */
  within?: string;
}

/** Matches per other document when the query does not say. */
export const DEFAULT_K = 3;
/** Most matches per other document a query may ask for. */
export const MAX_K = 20;
/** How counterparts are ranked (see AlignerConfig). */
export interface CounterpartOptions {
  /** Weight of the query's neighbouring sentences in the query (a point is read in its context). */
  queryContext: number;
  /** Weight of a candidate's neighbouring sentences in its rank (a match is read in its context). */
  neighbourContext: number;
  /** Least rise in similarity for a match to grow by one more sentence. */
  growthGain: number;
  /** Weight of the dense (embedding) similarity's z-score beside the sparse one's, once refined. */
  denseWeight: number;
}

const dot = (x: Float32Array, y: Float32Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
};

function zScores(xs: number[]): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) || 1;
  return xs.map((x) => (x - mean) / sd);
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

/** A counterpart index over a fixed set of documents. */
export class CounterpartIndex {
  readonly passages: Passage[];
  readonly space: PassageSpace;
  private readonly matcher: ConceptMatcher;
  private readonly byId: Map<string, number>;
  /** Passage indices of each document. */
  private readonly ofDoc: number[][];
  /** Unit sentence embeddings of the passages, once computed. */
  private dense?: Float32Array[];

  constructor(
    readonly docs: AlignInput[],
    concepts: Concept[],
    space?: (passages: Passage[], docCount: number) => PassageSpace,
    private readonly options: CounterpartOptions = DEFAULT_CONFIG.counterparts,
  ) {
    this.matcher = new ConceptMatcher(concepts);
    this.passages = buildPassages(docs, this.matcher);
    this.space = space ? space(this.passages, docs.length) : new LexicalSpace(this.passages, docs.length);
    this.byId = new Map(docs.map((d, i) => [d.id, i]));
    this.ofDoc = docs.map(() => []);
    this.passages.forEach((p, i) => this.ofDoc[p.doc].push(i));
  }

  /** The text of passage `i`. */
  textOf(i: number): string {
    const p = this.passages[i];
    return this.docs[p.doc].text.slice(p.start, p.end);
  }

  /** Adds the passages' sentence embeddings (unit vectors, one per passage): queries are then refined. */
  setDense(vectors: Float32Array[]): void {
    if (vectors.length !== this.passages.length) throw new Error('one embedding per passage is needed');
    this.dense = vectors;
  }

  get refined(): boolean {
    return this.dense !== undefined;
  }

  /** The mean embedding of the passages a span covers, as a unit vector (none: undefined). */
  private denseOf(d: number, span: Span): Float32Array | undefined {
    if (!this.dense) return undefined;
    const covered = this.ofDoc[d].filter((i) => this.passages[i].start < span.end && span.start < this.passages[i].end);
    if (covered.length === 0) return undefined;
    const sum = new Float32Array(this.dense[0].length);
    for (const i of covered) for (let k = 0; k < sum.length; k++) sum[k] += this.dense[i][k];
    let n = 0;
    for (const x of sum) n += x * x;
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < sum.length; k++) sum[k] /= n;
    return sum;
  }

  private denseWindow(q: Float32Array, w: Window): number {
    let s = 0;
    for (let i = w.first; i <= w.last; i++) s += dot(q, this.dense![i]);
    return s / (w.last - w.first + 1);
  }

  /** Index of a document by id, or undefined. */
  docIndex(id: string): number | undefined {
    return this.byId.get(id);
  }

  /**
   * The sentences a range covers (the sentence around a cursor), within one block.
   * A range over more sentences is taken as it is.
   */
  querySpan(d: number, start: number, end: number): Span {
    const doc = this.docs[d];
    const at = Math.min(start, doc.text.length);
    const block =
      doc.blocks.find((b) => at >= b.start && at < b.end) ??
      doc.blocks.find((b) => at >= b.start && at <= b.end) ??
      doc.blocks[0];
    if (!block) return { start: at, end: Math.max(at, end) };
    const sentences = splitSentences(doc.text, block.start, block.end).filter((s) =>
      start === end ? s.start <= start && start <= s.end : s.start < end && start < s.end,
    );
    if (sentences.length === 0) return { start, end: Math.max(start, end) };
    return { start: Math.min(start, sentences[0].start), end: Math.max(end, sentences[sentences.length - 1].end) };
  }

  private side(d: number, start: number, end: number): Side {
    const tokens = tokenize(this.docs[d].text, start, end);
    return { tokens, ...termsOf(tokens, this.matcher), year: yearWritten(this.docs[d]) };
  }

  /** A window's side from its passages' tokens (tokenising again would cost most of a query). */
  private windowSide(w: Window): Side {
    return sideOfPassages(this.passages, w.first, w.last, yearWritten(this.docs[this.passages[w.first].doc]));
  }

  private adjacent(i: number, j: number): boolean {
    const p = this.passages;
    return j >= 0 && j < p.length && p[i].doc === p[j].doc && p[i].block === p[j].block;
  }

  /** Grows a match into neighbouring sentences while that makes it closer to the query. */
  private grow(query: Map<string, number>, passage: number, similarity: number): { w: Window; s: number } {
    let w: Window = { first: passage, last: passage };
    let s = similarity;
    while (w.last - w.first + 1 < MAX_WINDOW) {
      const tries: Window[] = [];
      if (this.adjacent(w.first, w.first - 1)) tries.push({ first: w.first - 1, last: w.last });
      if (this.adjacent(w.last, w.last + 1)) tries.push({ first: w.first, last: w.last + 1 });
      let best: { w: Window; s: number } | undefined;
      for (const t of tries) {
        const ts = this.space.windowSimilarity(query, t);
        if (ts >= s + this.options.growthGain && (!best || ts > best.s)) best = { w: t, s: ts };
      }
      if (!best) break;
      ({ w, s } = best);
    }
    return { w, s };
  }

  /** The passages just before and after a span, in its block. */
  private around(d: number, span: Span): number[] {
    const inDoc = this.ofDoc[d].map((i) => ({ p: this.passages[i], i }));
    const before = inDoc.filter(({ p }) => p.end <= span.start).pop();
    const after = inDoc.find(({ p }) => p.start >= span.end);
    const block = inDoc.find(({ p }) => p.start < span.end && span.start < p.end)?.p.block ?? before?.p.block;
    return [before, after].filter((x) => x !== undefined && x.p.block === block).map((x) => x!.i);
  }

  /** The query's unit vector plus its neighbouring sentences' at weight queryContext, normalised. */
  private withContext(own: Map<string, number>, d: number, span: Span): Map<string, number> {
    const beta = this.options.queryContext;
    if (beta === 0) return own;
    const mixed = new Map(own);
    for (const p of this.around(d, span)) {
      for (const [t, w] of this.space.weigh(this.passages[p].terms)) mixed.set(t, (mixed.get(t) ?? 0) + beta * w);
    }
    let norm = 0;
    for (const w of mixed.values()) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of mixed) mixed.set(t, w / norm);
    return mixed;
  }

  /**
   * Candidates per other document, best first: each passage's similarity plus a share of
   * its neighbours' (a match is read in its context), top `perDoc` of each.
   */
  private ranked(query: Map<string, number>, exclude: number, perDoc: number, dense?: Float32Array): Neighbour[][] {
    const raw = dense ? this.mixed(query, exclude, dense) : this.space.scores(query, exclude);
    const lambda = this.options.neighbourContext;
    const smoothed = new Map<number, number>();
    const add = (p: number, s: number) => smoothed.set(p, (smoothed.get(p) ?? 0) + s);
    for (const [p, s] of raw) {
      add(p, s);
      if (lambda === 0) continue;
      for (const n of [p - 1, p + 1]) if (this.adjacent(p, n)) add(n, (lambda * s) / 2);
    }
    const byDoc: Neighbour[][] = Array.from({ length: this.docs.length }, () => []);
    for (const [p, s] of smoothed) byDoc[this.passages[p].doc].push({ passage: p, similarity: s });
    return byDoc.map((l) => l.sort((x, y) => y.similarity - x.similarity || x.passage - y.passage).slice(0, perDoc));
  }

  /**
   * Sparse and dense similarity, each z-scored within its document, summed with the
   * dense one weighted: the two disagree in scale, and a document's own spread is what
   * tells its best passages apart.
   */
  private mixed(query: Map<string, number>, exclude: number, dense: Float32Array): Map<number, number> {
    const sparse = this.space.scores(query, exclude);
    const out = new Map<number, number>();
    this.ofDoc.forEach((list, d) => {
      if (d === exclude || list.length === 0) return;
      const zs = zScores(list.map((i) => sparse.get(i) ?? 0));
      const zd = zScores(list.map((i) => dot(dense, this.dense![i])));
      list.forEach((i, k) => out.set(i, zs[k] + this.options.denseWeight * zd[k]));
    });
    return out;
  }

  /** The counterparts of a passage: best `k` matches in each other document. */
  query(q: CounterpartQuery): Counterparts {
    const d = this.byId.get(q.doc);
    if (d === undefined) throw new RangeError(`no document "${q.doc}" in the index`);
    const doc = this.docs[d];
    if (q.start > q.end || q.end > doc.text.length) throw new RangeError('the range is outside the text');
    const k = Math.max(1, Math.min(MAX_K, q.k ?? DEFAULT_K));
    const span = this.querySpan(d, q.start, q.end);
    const side = this.side(d, span.start, span.end);
    const terms = new Map<string, number>();
    for (const t of side.termOf) if (t) terms.set(t, (terms.get(t) ?? 0) + 1);
    const query = this.withContext(this.space.weigh(terms), d, span);
    const matches: CounterpartMatch[] = [];
    const only = q.within === undefined ? undefined : this.byId.get(q.within);
    const dense = this.denseOf(d, span);
    for (const [other, list] of this.ranked(query, d, k + 2, dense).entries()) {
      if (only !== undefined && other !== only) continue;
      const kept: { w: Window; s: number }[] = [];
      for (const n of list) {
        const g = this.grow(
          query,
          n.passage,
          this.space.windowSimilarity(query, { first: n.passage, last: n.passage }),
        );
        if (kept.some((x) => x.w.first <= g.w.last && g.w.first <= x.w.last)) continue;
        kept.push(g);
      }
      // A sentence a text repeats (an abstract and its body) is shown once.
      const seen = new Set<string>();
      for (const { w, s } of kept) {
        if (seen.size >= k) break;
        const other = this.docs[this.passages[w.first].doc];
        const start = this.passages[w.first].start;
        const end = this.passages[w.last].end;
        const key = other.text
          .slice(start, end)
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        if (seen.has(key)) continue;
        seen.add(key);
        const rel = relate(side, this.windowSide(w));
        // Refined: how alike in words and in meaning, half each.
        const similarity = dense ? (s + Math.max(0, this.denseWindow(dense, w))) / 2 : s;
        matches.push({
          doc: other.id,
          start,
          end,
          text: other.text.slice(start, end),
          similarity: round(similarity),
          relation: rel.relation,
          confidence: round(rel.score),
          evidence: rel.evidence,
        });
      }
    }
    return {
      passage: { doc: doc.id, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) },
      matches,
      state: dense ? 'refined' : 'lexical',
    };
  }
}
