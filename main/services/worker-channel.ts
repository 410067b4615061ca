/**
 * Requests to one worker thread and their answers, matched by id: the thread is started
 * on the first request (and again after it stopped), reports progress on the way, and
 * when it fails or exits every request it held fails with an error that names it — no
 * other thread's requests are touched. Optionally the thread is let go after a while
 * without requests, so the memory of a big job is returned rather than kept.
 */
import { Worker } from 'node:worker_threads';

/** Messages a channel's worker sends back (each names the request it answers). */
export type FromChannelWorker =
  | { type: 'progress'; id: number; stage: string; done: number; total: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string };

export interface WorkerChannelOptions {
  /** What the thread is called in errors ("the Align worker"). */
  name: string;
  /** Stop the thread once it has had no request for this long (default: keep it). */
  idleMs?: number;
  /** Called whenever the thread stops (failed, idle, closed), so callers can forget what it held. */
  onStopped?: () => void;
  /** Hears what the thread says unasked (a message without a request's id). */
  onNotice?: (message: unknown) => void;
}

type Progress = (stage: string, done: number, total: number) => void;

export class WorkerChannel {
  private worker?: Worker;
  private next = 0;
  private idleTimer?: NodeJS.Timeout;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: Progress }
  >();

  constructor(
    private readonly file: string | URL,
    private readonly options: WorkerChannelOptions,
  ) {}

  /** Whether the thread is running now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Sends a message that expects no answer (starting the thread if needed). */
  post(message: object): void {
    this.start().postMessage(message);
  }

  /** Sends `message` with a fresh id and resolves with the thread's answer to it. */
  request<T>(message: object, progress?: Progress): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      const worker = this.start();
      clearTimeout(this.idleTimer);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      worker.postMessage({ ...message, id });
    });
  }

  /** Stops the thread; requests it still held fail with `reason`. */
  async close(reason = `${this.options.name} was stopped`): Promise<void> {
    const w = this.worker;
    this.stopped(new Error(reason));
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.file);
    // A thread waiting for requests does not keep the process alive.
    w.unref();
    w.on('message', (m: FromChannelWorker) => this.answer(m));
    w.on('error', (err) => {
      if (this.worker === w) this.stopped(new Error(`${this.options.name} failed: ${err.message}`));
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.stopped(new Error(`${this.options.name} stopped unexpectedly (exit code ${code})`));
    });
    this.worker = w;
    return w;
  }

  private answer(m: FromChannelWorker): void {
    if (typeof m.id !== 'number') {
      this.options.onNotice?.(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.progress?.(m.stage, m.done, m.total);
      return;
    }
    this.pending.delete(m.id);
    if (m.type === 'result') p.resolve(m.value);
    else p.reject(new Error(m.message));
    if (this.pending.size === 0) this.armIdle();
  }

  /** Lets the thread go once it has been idle for `idleMs`. */
  private armIdle(): void {
    const { idleMs } = this.options;
    if (idleMs === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) void this.close();
    }, idleMs);
    this.idleTimer.unref();
  }

  /** Forgets the thread and fails what it held. */
  private stopped(err: Error): void {
    clearTimeout(this.idleTimer);
    const held = [...this.pending.values()];
    this.pending.clear();
    const had = this.worker !== undefined;
    this.worker = undefined;
    for (const p of held) p.reject(err);
    if (had) this.options.onStopped?.();
  }
}
