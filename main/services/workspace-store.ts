/**
 * The workspace file: one lowdb JSON file, validated on load.
 *
 * First cut of the store: a missing file is seeded; a file that is not valid JSON or
 * not a valid workspace is moved aside (kept, timestamped) and a fresh workspace is
 * seeded, with a notice for the user. Writes go through lowdb's steno writer
 * (temp file + rename) one at a time.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { SCHEMA_VERSION, WorkspaceFile, type DocumentRecord } from '../../common/model';
import { ParallaxError, describeIssues } from '../../common/api';

export interface OpenOptions {
  /** Documents for a new workspace (the samples on first run). */
  seed: () => Promise<DocumentRecord[]>;
  /** Name of a new workspace. */
  name?: string;
}

/** Lays out up to `max` documents, oldest first, so authors read in the order they wrote. */
export function defaultLayout(documents: DocumentRecord[], max = 4): WorkspaceFile['layout'] {
  const ordered = [...documents].sort((a, b) => (a.meta.date ?? '9999').localeCompare(b.meta.date ?? '9999'));
  return { panes: ordered.slice(0, max).map((d, i) => ({ id: `pane-${i + 1}`, docId: d.id })) };
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export class WorkspaceStore {
  /** Things the user should be told once (recoveries). */
  readonly notices: string[] = [];
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly db: Low<WorkspaceFile>,
  ) {}

  /** Opens (or creates) the workspace file at `path`. */
  static async open(path: string, options: OpenOptions): Promise<WorkspaceStore> {
    await mkdir(dirname(path), { recursive: true });
    const notices: string[] = [];
    let data: WorkspaceFile | undefined;
    let raw: string | undefined;
    try {
      raw = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ParallaxError('storage', `Cannot read the workspace ${path}: ${(err as Error).message}`);
      }
    }
    if (raw !== undefined) {
      let problem: string | undefined;
      try {
        const result = WorkspaceFile.safeParse(JSON.parse(raw));
        if (result.success) data = result.data;
        else problem = `it is not a valid Parallax workspace (${describeIssues(result.error)})`;
      } catch (err) {
        problem = `it is not valid JSON (${(err as Error).message})`;
      }
      if (problem) {
        const aside = `${path}.damaged-${timestamp()}`;
        await rename(path, aside);
        notices.push(
          `The workspace file could not be read: ${problem}. It was kept as ${aside} and a new workspace was started.`,
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
      };
    }
    const db = new Low<WorkspaceFile>(new JSONFile<WorkspaceFile>(path), data);
    db.data = data;
    const store = new WorkspaceStore(path, db);
    store.notices.push(...notices);
    if (raw === undefined || notices.length) await store.write();
    return store;
  }

  /** The current state. Treat as read-only; change it through `update`. */
  get data(): WorkspaceFile {
    return this.db.data;
  }

  /**
   * Applies a change and writes the file. Changes are serialised, so concurrent calls
   * never interleave. A failed write is reported; the change stays in memory.
   */
  update<T>(change: (data: WorkspaceFile) => T): Promise<T> {
    const run = this.chain.then(async () => {
      const result = change(this.db.data);
      await this.write();
      return result;
    });
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async write(): Promise<void> {
    try {
      await this.db.write();
    } catch (err) {
      throw new ParallaxError('storage', `Could not save the workspace to ${this.path}: ${(err as Error).message}`);
    }
  }

  /** Waits for queued writes. */
  async flush(): Promise<void> {
    await this.chain;
  }
}
