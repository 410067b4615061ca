/**
 * Counterparts: for one passage, what each other author says about it — the best few
 * passages of every other document, each read and shown in its context (the sentence
 * with one sentence either side, in its paragraph: a point made over two or three
 * sentences is found whole), with a relation and its evidence for the sentence that
 * matched. The index (passages, vectors, postings of sentences and of their contexts) is
 * built once per corpus and answers a query from the postings of the query's own terms,
 * cheap enough for every cursor move.
 */
import type { CounterpartMatch, Counterparts } from '../../../common/model';
import { ConceptMatcher, type Concept } from './concepts';
import { tokenize } from './normalise';
import { buildPassages, sideOfPassages, termsOf, yearWritten, type AlignInput, type Passage } from './passages';
import { relate, type Side } from './relate';
import { splitSentences, type Span } from './sentences';
import { contextOf, cutBack, LexicalSpace, type Neighbour, type PassageSpace } from './space';
import type { Window } from './windows';
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

/** The unit vector along the sum of some unit vectors. */
function meanUnit(vectors: Float32Array[]): Float32Array {
  const sum = new Float32Array(vectors[0].length);
  for (const v of vectors) for (let k = 0; k < sum.length; k++) sum[k] += v[k];
  let n = 0;
  for (const x of sum) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < sum.length; k++) sum[k] /= n;
  return sum;
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
  /** Their contexts' (see denseContext). */
  private contextDense?: Float32Array[];

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

  /** Builds what queries read lazily (the postings of the contexts), so the first query is as quick as any. */
  prepare(): void {
    this.space.prepare();
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
    this.contextDense = undefined;
  }

  get refined(): boolean {
    return this.dense !== undefined;
  }

  /** The mean embedding of the passages a span covers, as a unit vector (none: undefined). */
  private denseOf(d: number, span: Span): Float32Array | undefined {
    if (!this.dense) return undefined;
    const covered = this.ofDoc[d].filter((i) => this.passages[i].start < span.end && span.start < this.passages[i].end);
    return covered.length === 0 ? undefined : meanUnit(covered.map((i) => this.dense![i]));
  }

  /** Each passage's embedding read in its context (the mean of its window's), computed once. */
  private denseContext(i: number): Float32Array {
    this.contextDense ??= [];
    let v = this.contextDense[i];
    if (!v) {
      const w = contextOf(this.passages, i);
      const vectors: Float32Array[] = [];
      for (let j = w.first; j <= w.last; j++) vectors.push(this.dense![j]);
      v = this.contextDense[i] = meanUnit(vectors);
    }
    return v;
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

  /**
   * Each passage of every other document that the query touches, scored in its context:
   * the sparse similarity, or once refined the sparse and dense similarities each z-scored
   * within their document and summed with the dense one weighted (the two disagree in
   * scale, and a document's own spread is what tells its best passages apart).
   */
  private ranked(exclude: number, sparse: Map<number, number>, dense?: Float32Array): Neighbour[][] {
    const byDoc: Neighbour[][] = this.docs.map(() => []);
    if (!dense) {
      for (const [p, s] of sparse) byDoc[this.passages[p].doc].push({ passage: p, similarity: s });
    } else {
      this.ofDoc.forEach((list, d) => {
        if (d === exclude || list.length === 0) return;
        const zs = zScores(list.map((i) => sparse.get(i) ?? 0));
        const zd = zScores(list.map((i) => dot(dense, this.denseContext(i))));
        list.forEach((i, k) => byDoc[d].push({ passage: i, similarity: zs[k] + this.options.denseWeight * zd[k] }));
      });
    }
    return byDoc.map((l) => l.sort((x, y) => y.similarity - x.similarity || x.passage - y.passage));
  }

  /**
   * The sentence of a window that matches the query best on its own (in words, and in
   * meaning once refined): what a match is about, the rest being its context.
   */
  private focusIn(w: Window, own: Map<number, number>, dense?: Float32Array): number {
    let best = w.first;
    let bestScore = -Infinity;
    for (let i = w.first; i <= w.last; i++) {
      const score = (own.get(i) ?? 0) + (dense ? dot(dense, this.dense![i]) : 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    return best;
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
    const query = this.space.weigh(terms);
    const matches: CounterpartMatch[] = [];
    const only = q.within === undefined ? undefined : this.byId.get(q.within);
    const dense = this.denseOf(d, span);
    // Each sentence's similarity on its own and read in its context (one pass over the postings each).
    const own = this.space.scores(query, d);
    const inContext = this.space.contextScores(query, d);
    for (const [other, list] of this.ranked(d, inContext, dense).entries()) {
      if (only !== undefined && other !== only) continue;
      const ofOther: CounterpartMatch[] = [];
      // The best passages, in contexts that don't overlap; a sentence a text repeats (an
      // abstract and its body) is shown once.
      const kept: Window[] = [];
      const seen = new Set<string>();
      const text = this.docs[other].text;
      for (const n of list) {
        if (kept.length >= k) break;
        // Context already shown with a better match is left out; a sentence already shown is not shown again.
        const w = cutBack(contextOf(this.passages, n.passage), n.passage, kept);
        if (!w) continue;
        const f = this.focusIn(w, own, dense);
        const focus = this.passages[f];
        const key = text
          .slice(focus.start, focus.end)
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        if (seen.has(key)) continue;
        seen.add(key);
        kept.push(w);
        const start = this.passages[w.first].start;
        const end = this.passages[w.last].end;
        const rel = relate(side, sideOfPassages(this.passages, f, f, yearWritten(this.docs[other])));
        // How alike the passage read in its whole context is (what ranked it, even when its
        // context is cut back for display); refined, in words and in meaning, half each.
        const lexical = Math.min(1, inContext.get(n.passage) ?? 0);
        const similarity = dense ? (lexical + Math.max(0, dot(dense, this.denseContext(n.passage)))) / 2 : lexical;
        ofOther.push({
          doc: this.docs[other].id,
          start,
          end,
          text: text.slice(start, end),
          focus: { start: focus.start, end: focus.end },
          similarity: round(similarity),
          relation: rel.relation,
          confidence: round(rel.score),
          evidence: rel.evidence,
        });
      }
      // Shown best first by similarity: refined, the mix that chose them can order two of them
      // the other way round from how alike they are.
      matches.push(...ofOther.sort((x, y) => y.similarity - x.similarity));
    }
    return {
      passage: { doc: doc.id, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) },
      matches,
      state: dense ? 'refined' : 'lexical',
    };
  }
}
