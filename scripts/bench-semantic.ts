/**
 * Semantic pass benchmark (run by `npm run bench`): the built aligner worker, as the app
 * runs it, embedding every passage on its encoder threads while answering counterpart
 * queries. Reports time until queries are refined, cold (empty cache) and cached (a new
 * worker reading the sidecar), and the slowest query answered meanwhile (is the app
 * responsive?). The samples always; the corpus-1787 (151 texts) with --corpus.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkerFiles, workerHost, type CorpusSource } from '../main/services/align-jobs';
import { alignInputOf } from '../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../main/services/aligner/concepts';
import type { AlignInput } from '../main/services/aligner/passages';
import { readDocumentFolder } from '../main/services/sources';
import { readCorpus, root } from './lib/data';

async function timeToRefined(name: string, docs: AlignInput[], cachePath: string, label: string): Promise<void> {
  const host = workerHost(builtWorkerFiles());
  const source: CorpusSource = { key: name, load: () => ({ key: name, docs, concepts: DEFAULT_CONCEPTS, cachePath }) };
  const started = performance.now();
  const latencies: number[] = [];
  let progress = '';
  for (let i = 0; ; i++) {
    const d = docs[i % docs.length];
    const t = performance.now();
    const r = await host.counterparts(source, {
      doc: d.id,
      start: Math.floor(d.text.length / 2),
      end: Math.floor(d.text.length / 2),
    });
    latencies.push(performance.now() - t);
    if (r.progress) progress = `${r.progress.done}/${r.progress.total}`;
    if (r.state === 'refined') break;
    if (performance.now() - started > 20 * 60_000) throw new Error('not refined after 20 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const total = (performance.now() - started) / 1000;
  const first = latencies[0];
  const rest = latencies.slice(1).sort((a, b) => a - b);
  const p95 = rest.length ? rest[Math.floor(rest.length * 0.95)] : 0;
  console.log(
    `  ${label.padEnd(34)} ${total.toFixed(1).padStart(7)} s   first query ${first.toFixed(0)} ms (builds the index), then p95 ${p95.toFixed(0)} ms, max ${(rest.at(-1) ?? 0).toFixed(0)} ms over ${rest.length} queries${progress ? ` (last progress ${progress})` : ''}`,
  );
  await host.close();
}

async function run(name: string, docs: AlignInput[]): Promise<void> {
  const cache = join(mkdtempSync(join(tmpdir(), 'parallax-bench-')), 'workspace.json.embeddings');
  const passages = docs.length;
  console.log(`\nSemantic pass, ${name} (${passages} documents), in the app's aligner worker:`);
  await timeToRefined(`${name}-cold`, docs, cache, 'cold (nothing cached) until refined');
  await timeToRefined(`${name}-cached`, docs, cache, 'cached, new worker, until refined');
}

const samples = (await readDocumentFolder(join(root, 'samples'))).map(alignInputOf);
await run('the four samples', samples);
if (process.argv.includes('--corpus')) await run('corpus-1787 without its reserved texts', await readCorpus());
