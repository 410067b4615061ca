/** The aligner's long-lived worker thread (see services/align-jobs.ts). */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './services/align-jobs';
import { availableParallelism } from 'node:os';
import { AlignerEngine } from './services/aligner/engine';
import { pooledEncoder } from './services/aligner/semantic/pool';

// Counterparts are refined with sentence embeddings computed on encoder threads of
// their own, one per core (at most two), so this thread keeps answering queries: the
// encoder threads run at a lower priority (embed-worker.ts), so they take only what the
// threads serving the analyst leave.
// PARALLAX_EMBEDDINGS=off ranks by words only and never loads the encoder (a machine short of
// memory; the end-to-end tests, which start many hosts at once).
const engine = new AlignerEngine({
  semantic: process.env.PARALLAX_EMBEDDINGS !== 'off',
  onRefine: (progress) => post({ type: 'refine', progress }),
  encoder: async () =>
    pooledEncoder(new URL('./embed-worker.js', import.meta.url), Math.min(2, availableParallelism())),
});
const post = (m: FromWorker) => parentPort!.postMessage(m);

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'corpus') {
    engine.setCorpus(m.corpus);
    if (m.prepare) {
      try {
        engine.prepare();
      } catch {
        // Queries will say what is wrong with the corpus.
      }
    }
    return;
  }
  try {
    const value =
      m.type === 'align'
        ? engine.align(m.request, (stage, done, total) => post({ type: 'progress', id: m.id, stage, done, total }))
        : engine.counterparts(m.query);
    post({ type: 'result', id: m.id, value });
  } catch (err) {
    post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
});
