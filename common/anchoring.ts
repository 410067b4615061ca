/**
 * Anchoring annotations in a document's plain text, after Hypothesis and the W3C Web
 * Annotation model: a range is kept both as a text position and as a text quote
 * (exact text with some context on each side). When the text changed outside the
 * editor, `reanchor` finds the range again: the old position if the quote is still
 * there, else the exact quote nearest the old position, else an approximate match
 * scored on quote, prefix, suffix and closeness, accepted only above a floor.
 */
import search from 'approx-string-match';
import type { TextQuote } from './model';

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT_CHARS = 32;

/** A fuzzy match below this overall score leaves the annotation an orphan. */
export const MIN_FUZZY_SCORE = 0.6;

/** A fuzzy match whose quote differs in more than this share of characters is refused. */
export const MAX_QUOTE_ERROR_RATE = 0.3;

/** The quote selector of `text[start, end)`. */
export function quoteAt(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
  };
}

/** Where an annotation was found again and how. */
export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'exact' | 'fuzzy';
  /** 1 for position and exact matches; the match score for fuzzy ones. */
  score: number;
}

/** What is known of an annotation's range before the text changed. */
export interface AnchorTarget {
  start: number;
  end: number;
  quote: TextQuote;
}

/** Share of `expected` found in `actual` (1 = same text), by edit distance. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/**
 * Finds `target` in `text`; `undefined` when no match clears the floor (an orphan).
 * Cost: exact search is linear; the approximate search is O(n·k/32) for k allowed
 * errors, so it runs only when the exact quote is gone.
 */
export function reanchor(text: string, target: AnchorTarget): Anchor | undefined {
  const { exact, prefix, suffix } = target.quote;
  if (!exact) return undefined;
  if (target.end <= text.length && text.slice(target.start, target.end) === exact) {
    return { start: target.start, end: target.end, method: 'position', score: 1 };
  }
  let nearest = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (nearest < 0 || Math.abs(at - target.start) < Math.abs(nearest - target.start)) nearest = at;
    else if (at > target.start) break;
  }
  if (nearest >= 0) return { start: nearest, end: nearest + exact.length, method: 'exact', score: 1 };

  const maxErrors = Math.min(256, Math.floor(exact.length * MAX_QUOTE_ERROR_RATE));
  if (maxErrors < 1) return undefined;
  const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 };
  const total = weights.quote + weights.prefix + weights.suffix + weights.position;
  let best: Anchor | undefined;
  for (const match of search(text, exact, maxErrors)) {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix
      ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1;
    const suffixScore = suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.min(1, Math.abs(match.start - target.start) / Math.max(1, text.length));
    const score =
      (weights.quote * quoteScore +
        weights.prefix * prefixScore +
        weights.suffix * suffixScore +
        weights.position * positionScore) /
      total;
    if (!best || score > best.score) best = { start: match.start, end: match.end, method: 'fuzzy', score };
  }
  return best && best.score >= MIN_FUZZY_SCORE && best.end > best.start ? best : undefined;
}
