/** An encoder thread (see services/aligner/semantic/pool.ts). */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { loadEncoder } from './services/aligner/semantic/encoder';
import type { FromEncoder, ToEncoder } from './services/aligner/semantic/pool';

/**
 * Encoding is background work: on Linux this thread lowers its own scheduling priority
 * (a thread is a task with a nice value of its own, /proc/thread-self names it), so the
 * threads answering the analyst — the window, counterpart queries — run first and the
 * encoder takes what is left of every core. Elsewhere it keeps the normal priority.
 */
const ENCODER_NICE = 10;
try {
  if (process.platform === 'linux')
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), ENCODER_NICE);
} catch {
  // Not permitted or not available: encode at normal priority.
}

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
