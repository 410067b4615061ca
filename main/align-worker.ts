/** Worker thread entry of Align (see services/align-jobs.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { AlignRequest, WorkerMessage } from './services/align-jobs';
import { alignDocuments } from './services/aligner/align';

const request = workerData as AlignRequest;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  const result = alignDocuments(request.docs, {
    top: request.top,
    concepts: request.concepts,
    onProgress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
  });
  post({ type: 'done', result });
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
