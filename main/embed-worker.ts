/** An encoder thread (see services/aligner/semantic/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { loadEncoder } from './services/aligner/semantic/encoder';
import type { FromEncoder, ToEncoder } from './services/aligner/semantic/pool';
import { lowerThreadPriority } from './services/thread-priority';

/**
 * Encoding is background work: this thread runs at a lower priority than the threads
 * answering the analyst — the window, counterpart queries — and an Align run, so the
 * encoder takes what is left of every core.
 */
const ENCODER_NICE = 10;
lowerThreadPriority(ENCODER_NICE);

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
