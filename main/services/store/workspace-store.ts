/**
 * The workspace file: one lowdb JSON file that never loses acknowledged work.
 *
 * - One writer: a lock file (`<file>.lock`) keeps a second Parallax process out.
 * - Load (recovery.ts): parse, migrate (numbered, by schemaVersion), validate record by
 *   record. Invalid records are left out and listed; a damaged file is copied aside and
 *   the newest good backup opened; nothing is renamed or replaced before the replacement
 *   is written. The user is told what happened.
 * - Write: changes apply in memory at once and are written shortly after, several
 *   changes in one write (debounced, never more than one write in flight), durably
 *   (temp file, fsync, rename, fsync of the folder). A change is acknowledged only once
 *   it is on disk: if its write fails, the call fails with a `storage` error, the state
 *   stays in memory, is reported in `status()`, and is retried with backoff.
 * - Backups: before a write, at most one copy per interval of the last good file (fsynced),
 *   the newest few kept.
 */
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { ParallaxError } from '../../../common/api';
import { SCHEMA_VERSION, type DocumentRecord, type WorkspaceFile } from '../../../common/model';
import { backupName, backupsDir, isFormatCopy, listBackupsByTime, timestamp } from './backups';
import { DurableJSONFile, copyFileDurably, type WriteSteps } from './durable-file';
import { acquireLock, type WorkspaceLock } from './lock-file';
import { loadWorkspace } from './recovery';
import { starterCodebook } from './starter-codebook';

export { backupsDir, listBackups } from './backups';
export { parseWorkspace } from './validate';

export interface OpenOptions {
  /** Documents for a new workspace (the samples on first run). */
  seed: () => Promise<DocumentRecord[]>;
  /** Name of a new workspace. */
  name?: string;
  /** Quiet time before queued changes are written (default 40 ms). */
  writeDelayMs?: number;
  /** Backups kept (default 10). */
  keepBackups?: number;
  /** Least time between two backups (default 5 minutes of work). */
  backupIntervalMs?: number;
  /** First wait before retrying a failed write; doubles up to 30 s (default 1 s). */
  retryDelayMs?: number;
  /** Replaces file-system steps (tests simulate a full disk). */
  steps?: WriteSteps;
}

/** Whether everything is on disk. */
export interface StoreStatus {
  state: 'saved' | 'pending' | 'failed';
  /** When the last write finished. */
  savedAt?: string;
  /** Why the last write failed (state 'failed'); Parallax keeps retrying. */
  error?: string;
}

/** Lays out up to `max` documents, oldest first, so authors read in the order they wrote. */
export function defaultLayout(documents: DocumentRecord[], max = 4): WorkspaceFile['layout'] {
  const ordered = [...documents].sort((a, b) => (a.meta.date ?? '9999').localeCompare(b.meta.date ?? '9999'));
  return { panes: ordered.slice(0, max).map((d, i) => ({ id: `pane-${i + 1}`, docId: d.id })) };
}

export class WorkspaceStore {
  /** Things the user should be told once (recoveries). */
  readonly notices: string[] = [];
  private seq = 0;
  private writtenSeq = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private writing?: Promise<void>;
  private waiters: { seq: number; resolve: () => void; reject: (err: Error) => void }[] = [];
  private failure?: string;
  private savedAt?: string;
  private retryDelay: number;
  private lastBackupAt = 0;
  /** Whether the file on disk is a good workspace worth backing up (not a damaged one awaiting replacement). */
  private diskIsGood = true;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly db: Low<WorkspaceFile>,
    private readonly lock: WorkspaceLock,
    private readonly options: OpenOptions,
  ) {
    this.retryDelay = options.retryDelayMs ?? 1000;
  }

  /** Opens (or creates) the workspace file at `path`, taking its lock. */
  static async open(path: string, options: OpenOptions): Promise<WorkspaceStore> {
    await mkdir(dirname(path), { recursive: true });
    const lock = acquireLock(path);
    try {
      return await WorkspaceStore.load(path, options, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  private static async load(path: string, options: OpenOptions, lock: WorkspaceLock): Promise<WorkspaceStore> {
    const loaded = await loadWorkspace(path);
    let data = loaded.data;
    if (!data) {
      const documents = await options.seed();
      data = {
        schemaVersion: SCHEMA_VERSION,
        name: options.name ?? 'Workspace',
        documents,
        layout: defaultLayout(documents),
        concepts: [],
        suggestions: [],
        codebook: starterCodebook(),
        annotations: [],
        links: [],
      };
    }
    const db = new Low<WorkspaceFile>(new DurableJSONFile<WorkspaceFile>(path, options.steps), data);
    db.data = data;
    const store = new WorkspaceStore(path, db, lock, options);
    store.lastBackupAt = (await listBackupsByTime(path)).find((b) => !isFormatCopy(b.path))?.takenAt ?? 0;
    store.diskIsGood = !loaded.mustWrite;
    const notices = [...loaded.notices];
    if (loaded.migratedFrom !== undefined) {
      // Keep the file as the older Parallax wrote it, in case the user goes back.
      await mkdir(backupsDir(path), { recursive: true });
      await copyFileDurably(path, join(backupsDir(path), `before-format-${SCHEMA_VERSION}-${timestamp()}.json`));
      notices.push(
        `The workspace was updated from file format ${loaded.migratedFrom} to ${SCHEMA_VERSION}; a copy of the old file is in ${backupsDir(path)}.`,
      );
    }
    store.notices.push(...notices);
    if (loaded.mustWrite || loaded.migratedFrom !== undefined) {
      store.touch();
      // A first write that fails (a full disk) leaves the workspace open in memory; it is
      // retried. A damaged file stays in place until this write replaces it.
      await store.flush().catch((err: Error) => store.notices.push(`${err.message}. Parallax keeps trying.`));
    }
    return store;
  }

  /** The current state. Treat as read-only; change it through `update`. */
  get data(): WorkspaceFile {
    return this.db.data;
  }

  /**
   * Applies a change now and queues a write. Resolves with the change's result once a
   * write that includes it is on disk. If that write fails (a full disk), rejects with a
   * `storage` error: the change stays in memory, `status()` reports the failure, and the
   * write is retried until it lands. A change that throws is not written and rejects.
   */
  update<T>(change: (data: WorkspaceFile) => T): Promise<T> {
    let result: T;
    try {
      result = change(this.db.data);
    } catch (err) {
      return Promise.reject(err);
    }
    const seq = this.touch();
    return new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject })).then(() => result);
  }

  /** Marks the state changed and schedules a write; returns the change's number. */
  private touch(): number {
    this.seq += 1;
    if (!this.timer && !this.writing && !this.retryTimer && !this.closed) {
      this.timer = setTimeout(() => void this.writeNow(), this.options.writeDelayMs ?? 40);
    }
    return this.seq;
  }

  status(): StoreStatus {
    if (this.failure) return { state: 'failed', savedAt: this.savedAt, error: this.failure };
    return { state: this.writtenSeq < this.seq ? 'pending' : 'saved', savedAt: this.savedAt };
  }

  private writeNow(): Promise<void> {
    if (this.writing) return this.writing;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = undefined;
    this.writing = (async () => {
      let target = this.seq;
      try {
        await this.backupIfDue();
        target = this.seq;
        await this.db.write();
        this.diskIsGood = true;
        this.writtenSeq = target;
        this.failure = undefined;
        this.savedAt = new Date().toISOString();
        this.retryDelay = this.options.retryDelayMs ?? 1000;
      } catch (err) {
        this.failure = `Could not save the workspace to ${this.path}: ${(err as Error).message}`;
      } finally {
        this.writing = undefined;
        const done = this.waiters.filter((w) => w.seq <= target);
        this.waiters = this.waiters.filter((w) => w.seq > target);
        const failure = this.failure
          ? new ParallaxError(
              'storage',
              `${this.failure}. The change was made but is not on disk yet; Parallax keeps it and keeps trying to save it.`,
            )
          : undefined;
        for (const w of done) {
          if (failure) w.reject(failure);
          else w.resolve();
        }
      }
      if (this.closed) return;
      if (this.failure) {
        this.retryTimer = setTimeout(() => void this.writeNow(), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
      } else if (this.writtenSeq < this.seq) {
        this.timer = setTimeout(() => void this.writeNow(), this.options.writeDelayMs ?? 40);
      }
    })();
    return this.writing;
  }

  /** Copies the file as it is on disk (last written, so valid) into the backups, if one is due. */
  private async backupIfDue(): Promise<void> {
    const interval = this.options.backupIntervalMs ?? 5 * 60_000;
    if (!this.diskIsGood || Date.now() - this.lastBackupAt < interval) return;
    const dir = backupsDir(this.path);
    try {
      await mkdir(dir, { recursive: true });
      await copyFileDurably(this.path, join(dir, backupName(this.path)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing written yet
      throw err;
    }
    this.lastBackupAt = Date.now();
    const keep = this.options.keepBackups ?? 10;
    const regular = (await listBackupsByTime(this.path)).filter((b) => !isFormatCopy(b.path));
    for (const old of regular.slice(keep)) await unlink(old.path).catch(() => undefined);
  }

  /**
   * Writes everything queued now and waits until it is on disk. Rejects with a
   * `storage` error if the write fails (the state stays in memory and is retried).
   */
  async flush(): Promise<void> {
    for (let attempts = 0; this.writtenSeq < this.seq || this.writing; attempts++) {
      if (attempts > 0 && this.failure) throw new ParallaxError('storage', this.failure);
      await this.writeNow();
    }
    if (this.failure) throw new ParallaxError('storage', this.failure);
  }

  /** Flushes, stops writing and releases the lock. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      clearTimeout(this.timer);
      clearTimeout(this.retryTimer);
      this.lock.release();
    }
  }
}
