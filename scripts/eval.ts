/**
 * `npm run eval`: how well the aligner finds and labels what an analyst would.
 *
 * 1. The samples against tests/fixtures/alignment-labels.json, reported separately
 *    for the tune and the held-out pairs: recall of labelled pairs within the top 100
 *    suggestions, precision of the top 50, relation accuracy, conflict precision.
 * 2. The Kennedy–Nixon argument pairs (../shared/data/pcc, when present): the relation
 *    classifier on pairs whose two arguments come from different speakers only,
 *    one topic at a time (no topic is used for tuning another).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments, alignInputOf, yearWritten, type Alignment } from '../main/services/aligner/align';
import { ConceptMatcher, DEFAULT_CONCEPTS } from '../main/services/aligner/concepts';
import { sideOfText, type AlignInput } from '../main/services/aligner/passages';
import { splitSentences } from '../main/services/aligner/sentences';
import { relate, type Relation } from '../main/services/aligner/relate';
import { readDocumentFolder } from '../main/services/sources';
import { loadLabels, matches, resolveLabels, type LabelRelation, type ResolvedPair } from './lib/labels';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = process.env.PARALLAX_DATA ?? join(root, '..', 'shared', 'data');
const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);
const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const RELATIONS: Relation[] = ['agree', 'conflict', 'related'];

function confusion(rows: { gold: LabelRelation; got: Relation }[]): string {
  const golds: LabelRelation[] = ['agree', 'conflict', 'related', 'none'];
  const lines = [`      gold \\ got  ${RELATIONS.map((r) => r.padStart(9)).join('')}`];
  for (const g of golds) {
    const mine = rows.filter((r) => r.gold === g);
    if (mine.length === 0) continue;
    lines.push(
      `      ${g.padEnd(12)}${RELATIONS.map((r) => String(mine.filter((x) => x.got === r).length).padStart(9)).join('')}`,
    );
  }
  return lines.join('\n');
}

function evaluateSamples(docs: AlignInput[], alignments: Alignment[], labels: ResolvedPair[], split: string): void {
  const mine = labels.filter((l) => split === 'all' || l.split === split);
  const positives = mine.filter((l) => l.relation !== 'none');
  const top100 = alignments.slice(0, 100);
  const top50 = alignments.slice(0, 50);
  const found = positives.filter((l) => top100.some((al) => matches(al, l)));
  let correct = 0;
  let wrong = 0;
  for (const al of top50) {
    const hit = mine.filter((l) => matches(al, l));
    if (hit.some((l) => l.relation !== 'none')) correct++;
    else if (hit.length) wrong++;
  }
  // The classifier on the labelled passages themselves.
  const docById = new Map(docs.map((d) => [d.id, d]));
  const rows = mine.map((l) => {
    const da = docById.get(l.a.doc)!;
    const db = docById.get(l.b.doc)!;
    const r = relate(
      sideOfText(da.text.slice(l.spanA.start, l.spanA.end), matcher, yearWritten(da)),
      sideOfText(db.text.slice(l.spanB.start, l.spanB.end), matcher, yearWritten(db)),
    );
    return { gold: l.relation, got: r.relation };
  });
  const labelled = rows.filter((r) => r.gold !== 'none');
  const flagged = rows.filter((r) => r.got === 'conflict');
  // The relations on the suggestions that are labelled pairs.
  const suggested = top100.flatMap((al) => {
    const l = positives.find((x) => matches(al, x));
    return l ? [{ gold: l.relation, got: al.relation }] : [];
  });
  const suggestedConflicts = top100.filter((al) => al.relation === 'conflict');
  const judgedConflicts = suggestedConflicts.filter((al) => mine.some((l) => matches(al, l)));
  const trueConflicts = judgedConflicts.filter((al) => mine.some((l) => matches(al, l) && l.relation === 'conflict'));

  console.log(`\n  ${split} (${positives.length} pairs, ${mine.length - positives.length} false friends)`);
  console.log(
    `    recall of labelled pairs in the top 100   ${pct(found.length, positives.length)}  (${found.length}/${positives.length})`,
  );
  console.log(
    `    precision of the top 50, judged          ${pct(correct, correct + wrong)}  (${correct} labelled pairs, ${wrong} false friends, ${50 - correct - wrong} unlabelled)`,
  );
  console.log(`    precision of the top 50, unlabelled=wrong ${pct(correct, top50.length)}`);
  console.log(
    `    relation accuracy on labelled pairs       ${pct(labelled.filter((r) => r.got === r.gold).length, labelled.length)}  (majority class "${majority(labelled.map((r) => r.gold))}": ${pct(labelled.filter((r) => r.gold === majority(labelled.map((x) => x.gold))).length, labelled.length)})`,
  );
  console.log(
    `    conflict precision on labelled pairs      ${pct(flagged.filter((r) => r.gold === 'conflict').length, flagged.length)}  (${flagged.length} flagged, recall ${pct(flagged.filter((r) => r.gold === 'conflict').length, rows.filter((r) => r.gold === 'conflict').length).trim()})`,
  );
  console.log(
    `    relation accuracy on suggested pairs      ${pct(suggested.filter((r) => r.got === r.gold).length, suggested.length)}  (${suggested.length} labelled pairs among the top 100)`,
  );
  console.log(
    `    conflict flags in the top 100             ${suggestedConflicts.length}, of which judged ${judgedConflicts.length}, correct ${trueConflicts.length}`,
  );
  console.log(confusion(rows));
}

function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
}

/**
 * What an analyst might write instead: scikit-learn's TfidfVectorizer defaults (lower
 * case, words of two or more letters, smoothed IDF, L2 norm) over the same sentences,
 * cosine between every pair of sentences of different documents, best 100. No
 * concepts, lemmas, word frequencies, windows or cross-document support.
 */
function baselineTopPairs(docs: AlignInput[], limit: number): Alignment[] {
  const sentences = docs.flatMap((doc, d) =>
    doc.blocks
      .filter((b) => b.kind !== 'heading' && b.kind !== 'code' && b.kind !== 'note')
      .flatMap((b) => splitSentences(doc.text, b.start, b.end).map((span) => ({ d, ...span }))),
  );
  const tokens = sentences.map(
    (s) =>
      docs[s.d].text
        .slice(s.start, s.end)
        .toLowerCase()
        .match(/\b\w\w+\b/g) ?? [],
  );
  const df = new Map<string, number>();
  for (const t of tokens) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sentences.length;
  const vectors = tokens.map((t) => {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, c] of tf) {
      const v = c * (Math.log((1 + n) / (1 + df.get(w)!)) + 1);
      tf.set(w, v);
      norm += v * v;
    }
    for (const [w, v] of tf) tf.set(w, v / (Math.sqrt(norm) || 1));
    return tf;
  });
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sentences[i].d === sentences[j].d) continue;
      let s = 0;
      for (const [w, v] of vectors[i]) s += v * (vectors[j].get(w) ?? 0);
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const side = (k: number) => {
    const doc = docs[sentences[k].d];
    return { doc: doc.id, start: sentences[k].start, end: sentences[k].end, text: '' };
  };
  return pairs.slice(0, limit).map((p, k) => ({
    id: String(k),
    relation: 'related',
    score: p.s,
    confidence: 0,
    a: side(p.i),
    b: side(p.j),
    evidence: [],
  }));
}

function compareWithBaseline(docs: AlignInput[], alignments: Alignment[], labels: ResolvedPair[]): void {
  const baseline = baselineTopPairs(docs, 100);
  console.log('\n  against a plain TF-IDF + cosine baseline (scikit-learn defaults, sentence pairs)');
  console.log(
    '    split      labelled pairs in top 100: Parallax  baseline   judged precision of top 50: Parallax  baseline',
  );
  for (const split of ['tune', 'heldout', 'all']) {
    const mine = labels.filter((l) => split === 'all' || l.split === split);
    const positives = mine.filter((l) => l.relation !== 'none');
    const precision = (list: Alignment[]) => {
      let good = 0;
      let bad = 0;
      for (const al of list.slice(0, 50)) {
        const hit = mine.filter((l) => matches(al, l));
        if (hit.some((l) => l.relation !== 'none')) good++;
        else if (hit.length) bad++;
      }
      return `${pct(good, good + bad)} (${good}/${good + bad})`;
    };
    const found = (list: Alignment[]) =>
      positives.filter((l) => list.slice(0, 100).some((al) => matches(al, l))).length;
    console.log(
      `    ${split.padEnd(10)} ${String(found(alignments)).padStart(28)}/${positives.length}  ${String(found(baseline)).padStart(6)}/${positives.length}   ${precision(alignments).padStart(33)}  ${precision(baseline)}`,
    );
  }
}

async function samples(): Promise<void> {
  const docs = (await readDocumentFolder(join(root, 'samples'))).map(alignInputOf);
  const started = performance.now();
  const { alignments } = alignDocuments(docs, { top: 100 });
  const ms = performance.now() - started;
  const labels = resolveLabels(loadLabels(), docs);
  console.log(`Samples: ${docs.length} documents, ${alignments.length} suggestions in ${ms.toFixed(0)} ms`);
  for (const split of ['tune', 'heldout', 'all']) evaluateSamples(docs, alignments, labels, split);
  compareWithBaseline(docs, alignments, labels);
}

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

function pcc(): void {
  const file = join(dataDir, 'pcc', 'full_dataset.tsv');
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
            .map((p) => ({ gold: p.gold, got: relate(sideOfText(p.a, matcher), sideOfText(p.b, matcher)).relation }));
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
  const noneConflict = none.filter(
    (p) => relate(sideOfText(p.a, matcher), sideOfText(p.b, matcher)).relation === 'conflict',
  ).length;
  console.log(`  no_relation pairs flagged as conflict: ${pct(noneConflict, none.length).trim()} of ${none.length}`);
}

await samples();
pcc();
