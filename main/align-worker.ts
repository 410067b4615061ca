/** The aligner's long-lived worker thread (see services/align-jobs.ts). */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './services/align-jobs';
import { AlignerEngine } from './services/aligner/engine';

const engine = new AlignerEngine();
const post = (m: FromWorker) => parentPort!.postMessage(m);

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'corpus') {
    engine.setCorpus(m.corpus);
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
