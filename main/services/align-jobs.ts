/**
 * The aligner's host: one long-lived worker thread (from the built app,
 * out/main/align-worker.js) that runs Align and keeps the counterpart index between
 * queries, so the thread serving the UI never does the work. Without the build (unit
 * tests, development) the same engine runs in-process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RefineProgress } from '../../common/api';
import type { Counterparts } from '../../common/model';
import type { AlignOutput } from './aligner/align';
import type { CounterpartQuery } from './aligner/counterparts';
import { AlignerEngine, type AlignRequest, type Corpus, type Progress } from './aligner/engine';
import { appRoot } from './paths';

export type { AlignRequest, Corpus, Progress };

/** A corpus named by its key, read only when the aligner does not hold it already. */
export interface CorpusSource {
  key: string;
  load: () => Corpus;
}

export interface AlignerHost {
  align(request: AlignRequest, onProgress: Progress): Promise<AlignOutput>;
  counterparts(corpus: CorpusSource, query: CounterpartQuery): Promise<Counterparts>;
  /**
   * Hands the aligner a corpus ahead of the first query, so its counterpart index is built
   * (and its embeddings computed) while the analyst reads. In-process, nothing is done
   * ahead: building there would hold up the caller's thread.
   */
  prepare(corpus: CorpusSource): void;
  /** Stops the worker (if any). */
  close(): Promise<void>;
  /** Hears how adding meaning (sentence embeddings) to the counterparts goes; returns the function that stops it. */
  onRefine(listener: (progress: RefineProgress) => void): () => void;
}

/** Messages to the worker. */
export type ToWorker =
  | { type: 'align'; id: number; request: AlignRequest }
  | { type: 'corpus'; corpus: Corpus; prepare?: boolean }
  | { type: 'counterparts'; id: number; query: CounterpartQuery };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'refine'; progress: RefineProgress }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string };

/** The engine on this thread, yielding first so a caller's reply is not held up. */
export function inProcessHost(): AlignerHost {
  const engine = new AlignerEngine();
  // Lexical here: nothing is refined, so there is nothing to hear.
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    async align(request, onProgress) {
      await tick();
      return engine.align(request, onProgress);
    },
    async counterparts(corpus, query) {
      await tick();
      if (engine.corpusKey !== corpus.key) engine.setCorpus(corpus.load());
      return engine.counterparts(query);
    },
    prepare() {},
    async close() {},
    onRefine: () => () => undefined,
  };
}

/** One worker thread, started on first use and again after it fails. */
export function workerHost(file: string): AlignerHost {
  let worker: Worker | undefined;
  let sentKey: string | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: Progress }>();
  const refineListeners = new Set<(progress: RefineProgress) => void>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
    sentKey = undefined;
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(file);
    w.unref();
    w.on('message', (m: FromWorker) => {
      if (m.type === 'refine') {
        for (const listener of refineListeners) listener(m.progress);
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.progress?.(m.stage, m.done, m.total);
      else {
        pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(new Error(m.message));
      }
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`the aligner stopped unexpectedly (exit code ${code})`));
    });
    worker = w;
    return w;
  };
  /** Hands the worker a corpus it does not hold yet (read only then). */
  const send = (corpus: CorpusSource, prepare: boolean): void => {
    if (sentKey === corpus.key) return;
    start().postMessage({ type: 'corpus', corpus: corpus.load(), prepare } satisfies ToWorker);
    sentKey = corpus.key;
  };
  const request = <T>(message: ToWorker & { id: number }, progress?: Progress): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { resolve: resolve as (v: unknown) => void, reject, progress });
      start().postMessage(message);
    });
  return {
    align(req, onProgress) {
      return request<AlignOutput>({ type: 'align', id: ++next, request: req }, onProgress);
    },
    counterparts(corpus, query) {
      send(corpus, false);
      return request<Counterparts>({ type: 'counterparts', id: ++next, query });
    },
    prepare(corpus) {
      send(corpus, true);
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
    onRefine(listener) {
      refineListeners.add(listener);
      return () => refineListeners.delete(listener);
    },
  };
}

/** The worker when this code runs from the build (where the worker file sits), else in-process. */
export function defaultAlignerHost(): AlignerHost {
  const built = import.meta.url.includes('/out/main/');
  const file = join(appRoot(), 'out', 'main', 'align-worker.js');
  return built && existsSync(file) ? workerHost(file) : inProcessHost();
}
