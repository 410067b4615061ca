/** Importing files from disk (the command line, reloading a document from its file). */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ParallaxError } from '../../../common/api';
import type { DocumentMeta, NodeJSON } from '../../../common/model';
import { readImport } from './read';
import { MAX_IMPORT_BYTES, refuse, type ImportedDocument } from './types';

/** Reads a file from disk and imports it; refuses a missing, non-regular or oversized file before reading. */
export async function importFromDisk(path: string): Promise<ImportedDocument> {
  const name = basename(path);
  const info = await stat(path).catch(() => {
    throw new ParallaxError('not-found', `No such file: ${path}`);
  });
  if (!info.isFile()) throw refuse(name, 'is not a file.');
  if (info.size > MAX_IMPORT_BYTES) {
    throw refuse(
      name,
      `is ${(info.size / 1048576).toFixed(1)} MB; Parallax imports files up to ${MAX_IMPORT_BYTES / 1048576} MB.`,
    );
  }
  return readImport(new Uint8Array(await readFile(path)), name);
}

/** A document's text read again from its file, with the details the file gives (for reload). */
export async function readImportFile(path: string): Promise<{ doc: NodeJSON; meta: Partial<DocumentMeta> }> {
  const imported = await importFromDisk(resolve(path));
  const meta: Partial<DocumentMeta> = {};
  for (const [k, v] of Object.entries(imported.meta)) if (v !== undefined) (meta as Record<string, unknown>)[k] = v;
  return { doc: imported.doc.toJSON() as NodeJSON, meta };
}
