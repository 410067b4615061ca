/**
 * What an analyst might write instead of Parallax: scikit-learn's TfidfVectorizer
 * defaults (lower case, words of two or more word characters, smoothed IDF, L2 norm)
 * over the same sentences, and cosine. No concepts, lemmas, stopwords, word
 * frequencies, windows or cross-document support.
 */
import type { Alignment } from '../../main/services/aligner/align';
import type { AlignInput } from '../../main/services/aligner/passages';
import { splitSentences } from '../../main/services/aligner/sentences';
import { cutBack } from '../../main/services/aligner/space';
import type { Window } from '../../main/services/aligner/windows';

interface Sentence {
  d: number;
  /** Index of its block in the document. */
  b: number;
  start: number;
  end: number;
}

const words = (text: string) => text.toLowerCase().match(/\b\w\w+\b/g) ?? [];

export class TfidfBaseline {
  readonly sentences: Sentence[];
  private readonly idf = new Map<string, number>();
  private readonly vectors: Map<string, number>[];
  private readonly postings = new Map<string, { s: number[]; w: number[] }>();
  private readonly windows = new Map<number, { i: number; first: number; last: number; v: Map<string, number> }[]>();

  constructor(private readonly docs: AlignInput[]) {
    this.sentences = docs.flatMap((doc, d) =>
      doc.blocks.flatMap((block, b) =>
        block.kind === 'heading' || block.kind === 'code' || block.kind === 'note'
          ? []
          : splitSentences(doc.text, block.start, block.end).map((span) => ({ d, b, ...span })),
      ),
    );
    const tokens = this.sentences.map((s) => words(docs[s.d].text.slice(s.start, s.end)));
    const df = new Map<string, number>();
    for (const t of tokens) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
    const n = this.sentences.length;
    for (const [w, f] of df) this.idf.set(w, Math.log((1 + n) / (1 + f)) + 1);
    this.vectors = tokens.map((t) => this.vector(t));
    this.vectors.forEach((v, i) => {
      for (const [w, x] of v) {
        let p = this.postings.get(w);
        if (!p) this.postings.set(w, (p = { s: [], w: [] }));
        p.s.push(i);
        p.w.push(x);
      }
    });
  }

  private vector(tokens: string[]): Map<string, number> {
    const v = new Map<string, number>();
    for (const w of tokens) if (this.idf.has(w)) v.set(w, (v.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, c] of v) {
      const x = c * this.idf.get(w)!;
      v.set(w, x);
      norm += x * x;
    }
    for (const [w, x] of v) v.set(w, x / (Math.sqrt(norm) || 1));
    return v;
  }

  /** Cosine of a text with every sentence (dense, by sentence index). */
  private scores(v: Map<string, number>): Float64Array {
    const out = new Float64Array(this.sentences.length);
    for (const [w, x] of v) {
      const p = this.postings.get(w)!;
      for (let j = 0; j < p.s.length; j++) out[p.s[j]] += x * p.w[j];
    }
    return out;
  }

  /** The sentences of document `d` ranked by cosine with `text`, best first. */
  rankIn(d: number, text: string): Sentence[] {
    const s = this.scores(this.vector(words(text)));
    return this.sentences
      .map((x, i) => ({ x, s: s[i] }))
      .filter(({ x }) => x.d === d)
      .sort((p, q) => q.s - p.s)
      .map(({ x }) => x);
  }

  /**
   * The same script reading each sentence of document `d` in its context, as Parallax
   * shows counterparts: the sentence with one either side (same paragraph), ranked by
   * the cosine of that window's TF-IDF vector with `text`, windows not overlapping
   * (a window is cut back to what better ones left; a sentence is shown once).
   */
  rankWindowsIn(d: number, text: string, k: number): { start: number; end: number }[] {
    const q = this.vector(words(text));
    const windows = this.windowsOf(d).map(({ i, first, last, v }) => {
      let s = 0;
      for (const [w, x] of q) s += x * (v.get(w) ?? 0);
      return { i, first, last, s };
    });
    windows.sort((x, y) => y.s - x.s);
    const kept: Window[] = [];
    for (const w of windows) {
      if (kept.length >= k) break;
      const cut = cutBack(w, w.i, kept);
      if (cut) kept.push(cut);
    }
    return kept.map((w) => ({ start: this.sentences[w.first].start, end: this.sentences[w.last].end }));
  }

  /** Each sentence of document `d` with its window (one sentence either side, same paragraph) and its vector, made once. */
  private windowsOf(d: number): { i: number; first: number; last: number; v: Map<string, number> }[] {
    let list = this.windows.get(d);
    if (!list) {
      const same = (i: number, j: number) =>
        j >= 0 && j < this.sentences.length && this.sentences[j].d === d && this.sentences[j].b === this.sentences[i].b;
      const text = this.docs[d].text;
      list = [];
      this.sentences.forEach((x, i) => {
        if (x.d !== d) return;
        const first = same(i, i - 1) ? i - 1 : i;
        const last = same(i, i + 1) ? i + 1 : i;
        list!.push({
          i,
          first,
          last,
          v: this.vector(words(text.slice(this.sentences[first].start, this.sentences[last].end))),
        });
      });
      this.windows.set(d, list);
    }
    return list;
  }

  /** The best `limit` sentence pairs of different documents. */
  topPairs(limit: number): Alignment[] {
    const best: { i: number; j: number; s: number }[] = [];
    let floor = 0;
    for (let i = 0; i < this.vectors.length; i++) {
      const s = this.scores(this.vectors[i]);
      for (let j = i + 1; j < s.length; j++) {
        if (s[j] <= floor || this.sentences[j].d === this.sentences[i].d) continue;
        best.push({ i, j, s: s[j] });
        if (best.length >= limit * 4) {
          best.sort((x, y) => y.s - x.s);
          best.length = limit;
          floor = best[limit - 1].s;
        }
      }
    }
    best.sort((x, y) => y.s - x.s);
    const side = (k: number) => {
      const doc = this.docs[this.sentences[k].d];
      return { doc: doc.id, start: this.sentences[k].start, end: this.sentences[k].end, text: '' };
    };
    return best.slice(0, limit).map((p, k) => ({
      id: String(k),
      relation: 'related',
      score: p.s,
      confidence: 0,
      a: side(p.i),
      b: side(p.j),
      evidence: [],
    }));
  }
}
