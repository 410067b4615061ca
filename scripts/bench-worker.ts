/**
 * Responsiveness benchmark (run by `npm run bench`): the aligner's worker threads as the
 * app runs them, answering counterpart questions about corpus-1787 (151 texts; the four
 * reserved for independent evaluation are never read) while Aligns of the whole corpus
 * run. Prints the latency of those questions (p50, p95, max) beside the same questions
 * asked without an Align, the Aligns' own time, and the memory of the whole process (every
 * thread) meanwhile. Twice: ranked by words only (PARALLAX_EMBEDDINGS=off), and while the
 * encoder threads embed the corpus (cold: an empty sidecar cache), where the Align and the
 * encoder compete for the cores with the thread answering (left out with --words-only).
 * Without corpus-1787, the four samples.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtWorkerFiles, workerHost, type CorpusSource } from '../main/services/align-jobs';
import { alignInputOf } from '../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../main/services/aligner/concepts';
import { readDocumentFolder } from '../main/services/sources';
import { corpusFiles, readCorpus, root } from './lib/data';

const corpusPresent = corpusFiles().length > 0;
const docs = corpusPresent ? await readCorpus() : (await readDocumentFolder(join(root, 'samples'))).map(alignInputOf);
const name = corpusPresent ? `corpus-1787 (${docs.length} texts)` : `the four samples (corpus-1787 not found)`;

/** Passages to ask about: spread over the texts, a different one each time (as a reader moves the caret). */
const passage = (i: number) => {
  const d = docs[(i * 37) % docs.length];
  const at = Math.floor((((i * 7919) % 1000) / 1000) * d.text.length);
  return { doc: d.id, start: at, end: at };
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    p50: s[Math.floor(s.length / 2)],
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))],
    max: s.at(-1)!,
  };
};
const pause = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

async function scenario(embeddings: boolean): Promise<void> {
  // Read by the counterparts worker when it starts.
  process.env.PARALLAX_EMBEDDINGS = embeddings ? 'on' : 'off';
  const cachePath = join(mkdtempSync(join(tmpdir(), 'parallax-bench-')), 'workspace.json.embeddings');
  const key = `bench-${embeddings}`;
  const source: CorpusSource = { key, load: () => ({ key, docs, concepts: DEFAULT_CONCEPTS, cachePath }) };
  // The built workers, as the app runs them (from source, the app would run the engine
  // in-process). The Align thread is let go 1 s after a run here (30 s in the app), to
  // measure the memory after it.
  const host = workerHost(builtWorkerFiles(), { alignIdleMs: 1000 });
  console.log(
    embeddings
      ? `\nThe same while the encoder threads embed the corpus (cold cache):`
      : `\nCounterpart questions while Align runs, ${name}, the app's aligner worker threads, ranked by words only:`,
  );
  const built = performance.now();
  await host.counterparts(source, passage(0));
  console.log(`  first question (the worker reads the corpus and builds its index): ${ms(performance.now() - built)}`);
  if (embeddings) {
    // Measured once the encoder is loaded and embedding.
    const loading = performance.now();
    for (;;) {
      const r = await host.counterparts(source, passage(0));
      if (r.progress?.done || r.state === 'refined' || r.error) break;
      await pause(200);
    }
    console.log(`  the encoder loaded and embedding after ${ms(performance.now() - loading)}`);
  }

  const idle: number[] = [];
  for (let i = 1; i <= 40; i++) {
    const t = performance.now();
    await host.counterparts(source, passage(i));
    idle.push(performance.now() - t);
  }

  // Three Aligns one after the other, with a question every 50 ms (one at a time, as the
  // counterparts panel asks) and the process's memory sampled meanwhile.
  const RUNS = 3;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const during: number[] = [];
  const alignS: number[] = [];
  let suggestions = 0;
  for (let r = 0, i = 41; r < RUNS; r++) {
    let aligning = true;
    const started = performance.now();
    const run = host.align({ docs, concepts: DEFAULT_CONCEPTS, top: 100 }, () => {}).finally(() => (aligning = false));
    while (aligning) {
      const t = performance.now();
      await host.counterparts(source, passage(i++));
      // Every question asked while the Align ran, answered before or (waiting for it) after its end.
      during.push(performance.now() - t);
      await pause(50);
    }
    suggestions = (await run).alignments.length;
    alignS.push((performance.now() - started) / 1000);
  }
  clearInterval(sampler);
  const afterRss = process.memoryUsage().rss;
  while (host.threads.align) await pause(100);
  const releasedRss = process.memoryUsage().rss;

  const a = stats(idle);
  const b = stats(during);
  console.log(
    `  Align of all ${docs.length} texts, ${RUNS} runs: ${alignS.map((x) => x.toFixed(1)).join(', ')} s (${suggestions} suggestions; the first starts its thread)`,
  );
  console.log(
    `  questions without an Align:      p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)} (${idle.length})`,
  );
  console.log(
    `  questions while Align runs:      p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)} (${during.length})`,
  );
  console.log(
    `  memory of the whole process (all threads): peak ${mb(peakRss)} during the Aligns, ${mb(afterRss)} right after, ${mb(releasedRss)} once the Align thread is let go`,
  );

  await host.close();
}

await scenario(false);
if (!process.argv.includes('--words-only')) await scenario(true);
