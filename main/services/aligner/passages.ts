/**
 * Passages: the sentences of a document's body (notes, headings and code left out by
 * default), each with its tokens and its index terms. Concept mentions replace the
 * words that named them, so "Beijing" and "China" are one term.
 */
import type { BlockKind } from '../../../common/plaintext';
import type { ConceptMatcher } from './concepts';
import { tokenize, type Token } from './normalise';
import { splitSentences } from './sentences';
import { inFunctionPhrase, STOPWORDS } from './stopwords';

/** What the aligner needs of a document. */
export interface AlignInput {
  id: string;
  title: string;
  authors: string[];
  date?: string;
  /** The document's plain text (common/plaintext.ts). */
  text: string;
  /** Its textblocks, as offsets into `text`. */
  blocks: { kind: BlockKind; start: number; end: number }[];
}

/** The year a document was written, from its partial date, if it has one. */
export function yearWritten(doc: { date?: string }): number | undefined {
  const year = Number(doc.date?.slice(0, 4));
  return Number.isFinite(year) && year > 0 ? year : undefined;
}

export interface Passage {
  /** Index of the document in the input list. */
  doc: number;
  /** Index of its block in the document (windows stay within one block). */
  block: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Index term per token (a lemma, 'c:<concept>' for a concept mention, or '' for none). */
  termOf: string[];
  /** For a concept mention of several words: its first token → one past its last. */
  ends: Map<number, number>;
  /** Term frequencies. */
  terms: Map<string, number>;
}

export interface PassageOptions {
  includeNotes?: boolean;
}

const SKIPPED: ReadonlySet<BlockKind> = new Set(['heading', 'code']);

/** Index terms of a token sequence, and where multi-word concept mentions end. */
export function termsOf(tokens: Token[], concepts: ConceptMatcher): { termOf: string[]; ends: Map<number, number> } {
  const phrase = inFunctionPhrase(tokens.map((t) => t.surface.toLowerCase()));
  const termOf = tokens.map((t, i) =>
    t.value !== undefined || t.norm.length < 2 || STOPWORDS.has(t.norm) || phrase[i] ? '' : t.norm,
  );
  const ends = new Map<number, number>();
  for (const hit of concepts.match(tokens)) {
    for (let i = hit.from; i < hit.to; i++) termOf[i] = '';
    termOf[hit.from] = `c:${hit.concept}`;
    if (hit.to > hit.from + 1) ends.set(hit.from, hit.to);
  }
  return { termOf, ends };
}

/** One side of a relation from free text (the `relate` command, evaluation). */
export function sideOfText(
  text: string,
  concepts: ConceptMatcher,
  year?: number,
): { tokens: Token[]; termOf: string[]; ends: Map<number, number>; year?: number } {
  const tokens = tokenize(text);
  return { tokens, ...termsOf(tokens, concepts), year };
}

/**
 * One side of a relation from consecutive passages [first, last], from their tokens (no
 * second tokenising). Clauses are numbered per sentence, so those of later sentences are
 * shifted to stay apart.
 */
export function sideOfPassages(
  passages: Passage[],
  first: number,
  last: number,
  year?: number,
): { tokens: Token[]; termOf: string[]; ends: Map<number, number>; year?: number } {
  if (first === last) {
    const p = passages[first];
    return { tokens: p.tokens, termOf: p.termOf, ends: p.ends, year };
  }
  const tokens: Token[] = [];
  const termOf: string[] = [];
  const ends = new Map<number, number>();
  let clauses = 0;
  for (let i = first; i <= last; i++) {
    const p = passages[i];
    const offset = tokens.length;
    for (const [from, to] of p.ends) ends.set(offset + from, offset + to);
    for (const t of p.tokens) tokens.push({ ...t, clause: (t.clause ?? 0) + clauses });
    clauses += (p.tokens.at(-1)?.clause ?? 0) + 1;
    termOf.push(...p.termOf);
  }
  return { tokens, termOf, ends, year };
}

/** Splits documents into sentence passages with their terms. */
export function buildPassages(docs: AlignInput[], concepts: ConceptMatcher, options: PassageOptions = {}): Passage[] {
  const passages: Passage[] = [];
  docs.forEach((doc, d) => {
    doc.blocks.forEach((block, blockIndex) => {
      if (SKIPPED.has(block.kind) || (block.kind === 'note' && !options.includeNotes)) return;
      for (const span of splitSentences(doc.text, block.start, block.end)) {
        const tokens = tokenize(doc.text, span.start, span.end);
        const { termOf, ends } = termsOf(tokens, concepts);
        const terms = new Map<string, number>();
        for (const t of termOf) if (t) terms.set(t, (terms.get(t) ?? 0) + 1);
        if (terms.size < 3) continue; // too short to align on ("Why?", captions)
        passages.push({ doc: d, block: blockIndex, start: span.start, end: span.end, tokens, termOf, ends, terms });
      }
    });
  });
  return passages;
}
