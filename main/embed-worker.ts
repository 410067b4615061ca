/** An encoder thread (see services/aligner/semantic/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { loadEncoder } from './services/aligner/semantic/encoder';
import type { FromEncoder, ToEncoder } from './services/aligner/semantic/pool';

parentPort!.on('message', async (m: ToEncoder) => {
  try {
    const vectors = await (await loadEncoder()).embed(m.texts);
    parentPort!.postMessage({ id: m.id, vectors } satisfies FromEncoder);
  } catch (err) {
    parentPort!.postMessage({
      id: m.id,
      error: err instanceof Error ? err.message : String(err),
    } satisfies FromEncoder);
  }
});
