/**
 * The Align worker (see services/align-jobs.ts): runs Align on a thread of its own, so the
 * counterparts worker keeps answering the analyst's questions meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import type { ToAlignWorker } from './services/align-jobs';
import { alignDocuments } from './services/aligner/align';
import type { FromChannelWorker } from './services/worker-channel';

// Align is work the analyst waits for with a progress bar: it runs at the normal priority
// (a lower one made it several times slower on a busy machine), beside the counterparts
// worker, each thread on a core of its own when the machine has two free.

const post = (m: FromChannelWorker) => parentPort!.postMessage(m);

parentPort!.on('message', (m: ToAlignWorker) => {
  try {
    const { docs, concepts, top } = m.request;
    const value = alignDocuments(docs, {
      top,
      concepts,
      onProgress: (stage, done, total) => post({ type: 'progress', id: m.id, stage, done, total }),
    });
    post({ type: 'result', id: m.id, value });
  } catch (err) {
    post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
});
