/**
 * Writes an export so that the file at `path` is either the old one or the whole new
 * one, never half written: a temporary file in the same folder, fsynced, renamed over
 * the target, then the folder fsynced.
 */
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<number> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  try {
    const folder = await open(dir, 'r');
    await folder.sync().catch(() => undefined);
    await folder.close();
  } catch {
    // Folders cannot be opened on some systems; the rename is still atomic.
  }
  return bytes.length;
}
