/**
 * Secondary checks of the relation classifier on data from elsewhere, never used to
 * set a rule or threshold: the Kennedy–Nixon argument pairs (PCC) and PERSPECTRUM's
 * claim–perspective stance pairs (test split).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConceptMatcher, DEFAULT_CONCEPTS } from '../../main/services/aligner/concepts';
import { sideOfText } from '../../main/services/aligner/passages';
import { relate, type Relation } from '../../main/services/aligner/relate';
import { dataDir } from './data';
import { pct } from './measures';

const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);
const relationOf = (a: string, b: string) => relate(sideOfText(a, matcher), sideOfText(b, matcher)).relation;

interface PccPair {
  topic: string;
  gold: 'conflict' | 'agree' | 'none';
  a: string;
  b: string;
}

function readPcc(file: string): PccPair[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const cols = header.split('\t');
  const at = (name: string) => cols.indexOf(name);
  const speaker = (s: string) => s.split('_')[0].trim().toLowerCase();
  const out: PccPair[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const f = line.split('\t');
    // Different speakers only: the label follows the speaker otherwise.
    if (speaker(f[at('source_arg_1')]) === speaker(f[at('source_arg_2')])) continue;
    const rel = f[at('relation')];
    out.push({
      topic: f[at('topic')],
      gold: rel === 'attack' ? 'conflict' : rel === 'support' ? 'agree' : 'none',
      a: f[at('argument1')],
      b: f[at('argument2')],
    });
  }
  return out;
}

/** Kennedy–Nixon: agree vs conflict on different-speaker pairs, topic by topic. */
export function pcc(): void {
  const file = join(dataDir(), 'pcc', 'full_dataset.tsv');
  if (!existsSync(file)) {
    console.log(`\nPCC: ${file} not found; skipped.`);
    return;
  }
  const pairs = readPcc(file);
  console.log(`\nPCC (Kennedy–Nixon), different-speaker pairs only: ${pairs.length}`);
  console.log('  agree vs conflict on support/attack pairs (the classifier never sees the speaker)');
  console.log('    topic                     pairs  accuracy  balanced  conflict precision  conflict recall');
  const all: { gold: string; got: Relation }[] = [];
  const topics = [...new Set(pairs.map((p) => p.topic))].sort();
  for (const topic of [...topics, 'all']) {
    const rows =
      topic === 'all'
        ? all
        : pairs
            .filter((p) => p.topic === topic && p.gold !== 'none')
            .map((p) => ({ gold: p.gold, got: relationOf(p.a, p.b) }));
    if (topic !== 'all') all.push(...rows);
    // A pair counts as conflict when the classifier says so, else as agree.
    const said = rows.map((r) => ({ gold: r.gold, conflict: r.got === 'conflict' }));
    const tp = said.filter((r) => r.conflict && r.gold === 'conflict').length;
    const tn = said.filter((r) => !r.conflict && r.gold === 'agree').length;
    const pos = said.filter((r) => r.gold === 'conflict').length;
    const neg = said.length - pos;
    const flagged = said.filter((r) => r.conflict).length;
    const balanced = pos && neg ? (tp / pos + tn / neg) / 2 : NaN;
    console.log(
      `    ${topic.padEnd(26)}${String(rows.length).padStart(5)}  ${pct(tp + tn, rows.length)}    ${Number.isNaN(balanced) ? '  n/a' : pct(balanced, 1)}    ${pct(tp, flagged)}            ${pct(tp, pos)}`,
    );
  }
  const pos = all.filter((r) => r.gold === 'conflict').length;
  console.log(
    `    chance: balanced accuracy 50.0%; always "conflict" gives accuracy ${pct(pos, all.length).trim()} and conflict precision ${pct(pos, all.length).trim()}`,
  );
  const none = pairs.filter((p) => p.gold === 'none');
  const noneConflict = none.filter((p) => relationOf(p.a, p.b) === 'conflict').length;
  console.log(`  no_relation pairs flagged as conflict: ${pct(noneConflict, none.length).trim()} of ${none.length}`);
}

/** PERSPECTRUM test split: does "conflict" pick out perspectives that undermine their claim? */
export function perspectrum(): void {
  const file = join(dataDir(), 'perspectrum', 'stance_pairs_v1.0.tsv');
  if (!existsSync(file)) {
    console.log(`\nPERSPECTRUM: ${file} not found; skipped.`);
    return;
  }
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  const cols = header.split('\t');
  const at = (name: string) => cols.indexOf(name);
  const rows = lines
    .map((l) => l.split('\t'))
    .filter((f) => f[at('split')] === 'test')
    .map((f) => ({ gold: f[at('stance')], got: relationOf(f[at('claim')], f[at('perspective')]) }));
  const undermine = rows.filter((r) => r.gold === 'UNDERMINE').length;
  const flagged = rows.filter((r) => r.got === 'conflict');
  const right = flagged.filter((r) => r.gold === 'UNDERMINE').length;
  const agreeSaid = rows.filter((r) => r.got === 'agree');
  console.log(`\nPERSPECTRUM test split: ${rows.length} claim–perspective pairs (${undermine} undermine)`);
  console.log(
    `  "conflict" said of ${flagged.length}: precision ${pct(right, flagged.length).trim()} (base rate ${pct(undermine, rows.length).trim()}), recall ${pct(right, undermine).trim()}`,
  );
  console.log(
    `  "agree" said of ${agreeSaid.length}: precision ${pct(agreeSaid.filter((r) => r.gold === 'SUPPORT').length, agreeSaid.length).trim()}`,
  );
}
