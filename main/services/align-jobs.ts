/**
 * The aligner's host: two worker threads of the built app, so the thread serving the UI
 * never does the work and neither job waits for the other — a long-lived one
 * (out/main/counterparts-worker.js) keeps the counterpart index between queries, and
 * Align runs on one of its own (out/main/align-worker.js), let go when idle. Without the
 * build (unit tests, development) the same engine runs in-process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RefineProgress } from '../../common/api';
import type { Counterparts } from '../../common/model';
import type { AlignOutput } from './aligner/align';
import type { CounterpartQuery } from './aligner/counterparts';
import { AlignerEngine, type AlignRequest, type Corpus, type Progress } from './aligner/engine';
import { appRoot } from './paths';
import { WorkerChannel } from './worker-channel';

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
  /** Stops the workers (if any): a run or a query still under way fails. */
  close(): Promise<void>;
  /** Hears how adding meaning (sentence embeddings) to the counterparts goes; returns the function that stops it. */
  onRefine(listener: (progress: RefineProgress) => void): () => void;
}

/** Messages to the counterparts worker (its answers: FromChannelWorker). */
export type ToCounterpartsWorker =
  { type: 'corpus'; corpus: Corpus; prepare?: boolean } | { type: 'counterparts'; id: number; query: CounterpartQuery };

/** Messages to the Align worker (its answers, progress included: FromChannelWorker). */
export type ToAlignWorker = { type: 'align'; id: number; request: AlignRequest };

/** What the counterparts worker tells unasked: how adding meaning to the counterparts goes. */
export type CounterpartsNotice = { type: 'refine'; progress: RefineProgress };

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

/** The built worker files of the aligner. */
export interface AlignerWorkerFiles {
  /** Holds the corpus and its counterpart index and answers queries (counterparts-worker.ts). */
  counterparts: string;
  /** Runs Align (align-worker.ts). */
  align: string;
}

/** The aligner on its worker threads. */
export interface WorkerAlignerHost extends AlignerHost {
  /** Which of its threads are running now. */
  readonly threads: { counterparts: boolean; align: boolean };
}

/**
 * How long the Align worker stays after a run: a run again soon (after an edit) finds it
 * started, a workspace left alone gets the run's memory back.
 */
export const ALIGN_WORKER_IDLE_MS = 30_000;

/**
 * Two worker threads, each started on first use and again after it failed: one keeps the
 * counterpart index and answers queries, the other runs Align, so a question asked while
 * Align runs (the panel asks on every cursor move) is answered at once. A thread that fails
 * fails only its own requests.
 */
export function workerHost(files: AlignerWorkerFiles, options: { alignIdleMs?: number } = {}): WorkerAlignerHost {
  let sentKey: string | undefined;
  const refineListeners = new Set<(progress: RefineProgress) => void>();
  const queries = new WorkerChannel(files.counterparts, {
    name: "the aligner's counterparts worker",
    // Whatever corpus it held is gone with it: the next query hands it over again.
    onStopped: () => (sentKey = undefined),
    onNotice: (m) => {
      const notice = m as CounterpartsNotice;
      if (notice.type === 'refine') for (const listener of refineListeners) listener(notice.progress);
    },
  });
  const runs = new WorkerChannel(files.align, {
    name: 'the Align worker',
    idleMs: options.alignIdleMs ?? ALIGN_WORKER_IDLE_MS,
  });
  /** Hands the worker a corpus it does not hold yet (read only then). */
  const send = (corpus: CorpusSource, prepare: boolean): void => {
    if (sentKey === corpus.key) return;
    queries.post({ type: 'corpus', corpus: corpus.load(), prepare } satisfies ToCounterpartsWorker);
    sentKey = corpus.key;
  };
  return {
    align(request, onProgress) {
      return runs.request<AlignOutput>({ type: 'align', request }, onProgress);
    },
    async counterparts(corpus, query) {
      send(corpus, false);
      return queries.request<Counterparts>({ type: 'counterparts', query });
    },
    prepare(corpus) {
      try {
        send(corpus, true);
      } catch {
        // Ahead of time only: the first query starts the thread again and says what is wrong.
      }
    },
    get threads() {
      return { counterparts: queries.running, align: runs.running };
    },
    async close() {
      const reason = 'the workspace was closed';
      await Promise.all([queries.close(reason), runs.close(reason)]);
    },
    onRefine(listener) {
      refineListeners.add(listener);
      return () => refineListeners.delete(listener);
    },
  };
}

/** The worker threads when this code runs from the build (where their files sit), else in-process. */
export function defaultAlignerHost(): AlignerHost {
  const built = import.meta.url.includes('/out/main/');
  const files = builtWorkerFiles();
  return built && existsSync(files.counterparts) && existsSync(files.align) ? workerHost(files) : inProcessHost();
}

/** Where the build puts the aligner's worker files. */
export function builtWorkerFiles(): AlignerWorkerFiles {
  const dir = join(appRoot(), 'out', 'main');
  return { counterparts: join(dir, 'counterparts-worker.js'), align: join(dir, 'align-worker.js') };
}
