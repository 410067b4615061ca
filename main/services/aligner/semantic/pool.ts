/**
 * The encoder on worker threads of its own, so the thread answering counterpart queries
 * is never blocked while a batch is encoded (a batch of long sentences takes seconds).
 * Each thread loads the model once; a batch is split across the threads.
 */
import { Worker } from 'node:worker_threads';
import { ENCODER_VERSION, type SentenceEncoder } from './encoder';

/** Messages to and from an encoder thread. */
export type ToEncoder = { id: number; texts: string[] };
export type FromEncoder = { id: number; vectors?: Float32Array[]; error?: string };

export function pooledEncoder(file: URL | string, threads: number): SentenceEncoder & { close(): Promise<void> } {
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const w = new Worker(file);
    w.unref();
    return w;
  });
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  for (const w of workers) {
    w.on('message', (m: FromEncoder) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.vectors) p?.resolve(m.vectors);
      else p?.reject(new Error(m.error ?? 'the encoder failed'));
    });
    w.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  const run = (w: Worker, texts: string[]) =>
    new Promise<Float32Array[]>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      w.postMessage({ id, texts } satisfies ToEncoder);
    });
  return {
    version: ENCODER_VERSION,
    async embed(texts) {
      const size = Math.ceil(texts.length / workers.length);
      const parts = workers.map((w, i) => ({ w, texts: texts.slice(i * size, (i + 1) * size) }));
      const done = await Promise.all(parts.filter((p) => p.texts.length).map((p) => run(p.w, p.texts)));
      return done.flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
