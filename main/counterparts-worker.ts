/**
 * The aligner's long-lived counterparts worker (see services/align-jobs.ts): holds the
 * corpus and its counterpart index and answers a query for one passage, which the panel
 * asks on every cursor move. Align runs on a thread of its own (align-worker.ts).
 */
import { availableParallelism } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { CounterpartsNotice, ToCounterpartsWorker } from './services/align-jobs';
import { AlignerEngine } from './services/aligner/engine';
import { pooledEncoder } from './services/aligner/semantic/pool';
import type { FromChannelWorker } from './services/worker-channel';

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
const post = (m: FromChannelWorker | CounterpartsNotice) => parentPort!.postMessage(m);

parentPort!.on('message', (m: ToCounterpartsWorker) => {
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
    post({ type: 'result', id: m.id, value: engine.counterparts(m.query) });
  } catch (err) {
    post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
});
