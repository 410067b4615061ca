/**
 * A lowdb adapter that writes JSON durably: the text goes to a temporary file in the
 * same folder, which is fsynced, renamed over the target, and then the folder is
 * fsynced so the rename itself survives a power cut. lowdb's own JSONFile (steno)
 * does temp file + rename but never fsyncs, so a crash can leave an empty file.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** File-system steps of a write, replaceable in tests to simulate a full disk. */
export interface WriteSteps {
  writeTemp(path: string, text: string): Promise<void>;
}

async function writeAndSync(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Fsyncs a folder so a rename inside it is durable (a no-op where folders cannot be opened). */
async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `text` to a new file and fsyncs it and its folder before resolving, so a copy
 * (a backup, a damaged file kept aside) is on disk before anything relies on it.
 */
export async function writeFileDurably(path: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(dirname(path));
}

/** Copies a file durably (contents and folder entry fsynced). */
export async function copyFileDurably(from: string, to: string): Promise<void> {
  await writeFileDurably(to, await readFile(from));
}

export class DurableJSONFile<T> implements Adapter<T> {
  private readonly temp: string;

  constructor(
    readonly path: string,
    private readonly steps: WriteSteps = { writeTemp: writeAndSync },
  ) {
    this.temp = join(dirname(path), `.${basename(path)}.tmp`);
  }

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Serialises at once (so the data written is the data at the time of the call), then writes. */
  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    try {
      await this.steps.writeTemp(this.temp, text);
      await rename(this.temp, this.path);
    } catch (err) {
      await unlink(this.temp).catch(() => undefined);
      throw err;
    }
    await syncFolder(dirname(this.path));
  }
}
