/**
 * The workspace file: one lowdb JSON file that never loses acknowledged work.
 *
 * - One writer: a lock file (`<file>.lock`) keeps a second Parallax process out.
 * - Load: parse, migrate (numbered, by schemaVersion), validate. A damaged or invalid
 *   file is moved aside (kept, timestamped) and the newest valid backup is loaded; the
 *   user is told what happened.
 * - Write: changes apply in memory at once and are written shortly after, several
 *   changes in one write (debounced, never more than one write in flight), durably
 *   (temp file, fsync, rename, fsync of the folder). A failed write keeps the state in
 *   memory, is reported in `status()`, and is retried with backoff.
 * - Backups: before a write, at most one copy per interval of the last good file, the
 *   newest few kept.
 */
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { ParallaxError, describeIssues } from '../../../common/api';
import { SCHEMA_VERSION, WorkspaceFile, type DocumentRecord } from '../../../common/model';
import { DurableJSONFile, type WriteSteps } from './durable-file';
import { acquireLock, type WorkspaceLock } from './lock-file';
import { migrate } from './migrations';
import { starterCodebook } from './starter-codebook';

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

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The folder of a workspace's backups. */
export function backupsDir(path: string): string {
  return join(dirname(path), `${basename(path)}.backups`);
}

/** Backup files of a workspace, newest first. */
export async function listBackups(path: string): Promise<string[]> {
  const dir = backupsDir(path);
  try {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    return names.reverse().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

type Parsed = { ok: true; data: WorkspaceFile; from: number | undefined } | { ok: false; problem: string };

/** Parses, migrates and validates a workspace file's text. */
export function parseWorkspace(raw: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, problem: `it is not valid JSON (${(err as Error).message})` };
  }
  const { data, from } = migrate(json);
  const result = WorkspaceFile.safeParse(data);
  if (!result.success) {
    return { ok: false, problem: `it is not a valid Parallax workspace (${describeIssues(result.error)})` };
  }
  return { ok: true, data: result.data, from };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ParallaxError('storage', `Cannot read the workspace ${path}: ${(err as Error).message}`);
  }
}

export class WorkspaceStore {
  /** Things the user should be told once (recoveries). */
  readonly notices: string[] = [];
  private seq = 0;
  private writtenSeq = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private writing?: Promise<void>;
  private waiters: { seq: number; resolve: () => void }[] = [];
  private failure?: string;
  private savedAt?: string;
  private retryDelay: number;
  private lastBackupAt = 0;
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
    const notices: string[] = [];
    let data: WorkspaceFile | undefined;
    let migratedFrom: number | undefined;
    const raw = await readIfExists(path);
    if (raw !== undefined) {
      const parsed = parseWorkspace(raw);
      if (parsed.ok) {
        data = parsed.data;
        migratedFrom = parsed.from !== SCHEMA_VERSION ? parsed.from : undefined;
      } else {
        const aside = `${path}.damaged-${timestamp()}`;
        await rename(path, aside);
        let recovered: string | undefined;
        for (const backup of await listBackups(path)) {
          const candidate = parseWorkspace((await readIfExists(backup)) ?? '');
          if (candidate.ok) {
            data = candidate.data;
            recovered = backup;
            break;
          }
        }
        notices.push(
          recovered
            ? `The workspace file could not be read: ${parsed.problem}. It was kept as ${aside}, and the newest good backup (${basename(recovered)}) was opened instead; changes made after that backup are in the damaged copy only.`
            : `The workspace file could not be read: ${parsed.problem}. It was kept as ${aside}. No good backup was found, so a new workspace was started.`,
        );
      }
    }
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
        topics: [],
      };
    }
    const db = new Low<WorkspaceFile>(new DurableJSONFile<WorkspaceFile>(path, options.steps), data);
    db.data = data;
    const store = new WorkspaceStore(path, db, lock, options);
    const backups = await listBackups(path);
    if (backups[0]) store.lastBackupAt = (await stat(backups[0]).catch(() => undefined))?.mtimeMs ?? 0;
    if (migratedFrom !== undefined && raw !== undefined) {
      // Keep the file as the older Parallax wrote it, in case the user goes back.
      await mkdir(backupsDir(path), { recursive: true });
      await copyFile(path, join(backupsDir(path), `before-format-${SCHEMA_VERSION}-${timestamp()}.json`));
      notices.push(
        `The workspace was updated from file format ${migratedFrom} to ${SCHEMA_VERSION}; a copy of the old file is in ${backupsDir(path)}.`,
      );
    }
    store.notices.push(...notices);
    if (raw === undefined || notices.length || migratedFrom !== undefined) {
      store.touch();
      // A first write that fails (a full disk) leaves the workspace open in memory; it is retried.
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
   * write that includes it has been attempted; whether it reached the disk is in
   * `status()` (a failed write is retried; the change stays in memory). A change that
   * throws is not written and rejects.
   */
  update<T>(change: (data: WorkspaceFile) => T): Promise<T> {
    let result: T;
    try {
      result = change(this.db.data);
    } catch (err) {
      return Promise.reject(err);
    }
    const seq = this.touch();
    return new Promise<void>((resolve) => this.waiters.push({ seq, resolve })).then(() => result);
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
        for (const w of done) w.resolve();
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
    if (Date.now() - this.lastBackupAt < interval) return;
    const dir = backupsDir(this.path);
    try {
      await mkdir(dir, { recursive: true });
      await copyFile(this.path, join(dir, `${basename(this.path, '.json')}-${timestamp()}.json`));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing written yet
      throw err;
    }
    this.lastBackupAt = Date.now();
    const keep = this.options.keepBackups ?? 10;
    const regular = (await listBackups(this.path)).filter((p) => !basename(p).startsWith('before-format-'));
    for (const old of regular.slice(keep)) await unlink(old).catch(() => undefined);
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
