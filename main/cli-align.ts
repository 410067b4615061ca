/**
 * `parallax align` and `parallax relate`: the aligner from the command line.
 * stdout carries only results (one JSON object with --json); progress goes to stderr.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ParallaxError } from '../common/api';
import { alignDocuments, alignInputOf, type Alignment, type AlignOutput } from './services/aligner/align';
import { CounterpartIndex, DEFAULT_K, MAX_K } from './services/aligner/counterparts';
import { allCounterparts, refineIndex, type PassageCounterparts } from './services/aligner/every-passage';
import { ConceptMatcher, DEFAULT_CONCEPTS } from './services/aligner/concepts';
import { sideOfText } from './services/aligner/passages';
import { relate } from './services/aligner/relate';
import { samplesDir } from './services/paths';
import { UsageError } from './cli-usage';
import { readDocumentFile, readDocumentFolder } from './services/sources';

function number(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${name} must be a number from ${min} to ${max}, not "${value}"`);
  return n;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function table(alignments: Alignment[]): string {
  const lines: string[] = [];
  alignments.forEach((al, i) => {
    const cues = al.evidence.filter((e) => e.kind !== 'shared').map((e) => `${e.kind}: ${e.note}`);
    const shared = al.evidence
      .filter((e) => e.kind === 'shared')
      .map((e) => e.note)
      .slice(0, 3);
    lines.push(
      `${String(i + 1).padStart(3)}. ${al.relation.toUpperCase().padEnd(8)} ${al.score.toFixed(2)}  ${al.a.doc} ↔ ${al.b.doc}`,
    );
    lines.push(`     A: ${clip(al.a.text, 110)}`);
    lines.push(`     B: ${clip(al.b.text, 110)}`);
    if (shared.length) lines.push(`     shared: ${shared.join('; ')}`);
    for (const c of cues) lines.push(`     ${c}`);
  });
  return lines.join('\n');
}

export async function alignCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      top: { type: 'string' },
      'min-score': { type: 'string' },
      counterparts: { type: 'string' },
      semantic: { type: 'boolean', default: false },
      cache: { type: 'string' },
    },
  });
  const counterpartsK =
    values.counterparts === undefined ? undefined : number(values.counterparts, '--counterparts', 1, MAX_K, DEFAULT_K);
  if (counterpartsK !== undefined && !values.json) throw new UsageError('--counterparts needs --json');
  if (values.semantic && counterpartsK === undefined) throw new UsageError('--semantic refines --counterparts');
  const top = number(values.top, '--top', 1, 100_000, 100);
  const minScore = number(values['min-score'], '--min-score', 0, 1, 0.15);
  const started = performance.now();
  const records = positionals.length
    ? await Promise.all(positionals.map((f) => readDocumentFile(f)))
    : await readDocumentFolder(samplesDir());
  if (records.length < 2) throw new ParallaxError('invalid-input', 'align needs at least two documents.');
  const seen = new Map<string, number>();
  for (const r of records) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
  let lastStage = '';
  const inputs = records.map(alignInputOf);
  const result: AlignOutput & { counterparts?: PassageCounterparts[] } = alignDocuments(inputs, {
    top,
    minScore,
    onProgress: (stage, done, total) => {
      if (stage !== lastStage || done === total) process.stderr.write(`parallax: ${stage} ${done}/${total}\n`);
      lastStage = stage;
    },
  });
  if (counterpartsK !== undefined) {
    const index = new CounterpartIndex(inputs, DEFAULT_CONCEPTS);
    if (values.semantic) await refineIndex(index, values.cache);
    result.counterparts = allCounterparts(index, counterpartsK);
  }
  process.stderr.write(
    `parallax: ${result.alignments.length} alignments from ${records.length} documents in ${Math.round(performance.now() - started)} ms\n`,
  );
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${table(result.alignments)}\n`);
}

export async function relateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { pairs: { type: 'string' } } });
  if (!values.pairs) throw new UsageError('relate needs --pairs FILE.jsonl');
  const lines = (await readFile(values.pairs, 'utf8')).split(/\r?\n/);
  const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);
  const side = (text: string) => sideOfText(text, matcher);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let pair: unknown;
    try {
      pair = JSON.parse(line);
    } catch {
      throw new ParallaxError('invalid-input', `${values.pairs}:${i + 1}: not valid JSON`);
    }
    const { a, b } = (pair ?? {}) as { a?: unknown; b?: unknown };
    if (typeof a !== 'string' || typeof b !== 'string') {
      throw new ParallaxError('invalid-input', `${values.pairs}:${i + 1}: each line needs string fields "a" and "b"`);
    }
    const r = relate(side(a), side(b));
    process.stdout.write(
      `${JSON.stringify({ relation: r.relation, score: Math.round(r.score * 1000) / 1000, evidence: r.evidence })}\n`,
    );
  });
}
