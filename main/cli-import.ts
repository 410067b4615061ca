/**
 * `parallax import` and `parallax export`: bringing documents into a workspace and
 * writing a workspace out, from a terminal. A workspace file that does not exist yet is
 * created from the imported documents (no samples). Every file is read before the
 * workspace is touched: if one cannot be imported, nothing changes.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ParallaxError, ExportFormat } from '../common/api';
import { PartialDate, type DocumentMeta, type DocumentRecord, type WorkspaceFile } from '../common/model';
import { UsageError } from './cli-usage';
import { exportWorkspace } from './services/export/service';
import { EXPORT_FORMATS } from './services/export/formats';
import {
  documentsOf,
  mergeCollection,
  parseCollection,
  type ParallaxCollection,
} from './services/import/annotation-collection';
import { importFromDisk } from './services/import/files';
import { splitAuthors, type ImportedDocument } from './services/import/types';
import { metaWithFallbacks, placeImport, sameDocuments } from './services/import/workspace-import';
import { defaultWorkspacePath, parallaxHome } from './services/paths';
import { reconcileOnOpen } from './services/app';
import { WorkspaceStore } from './services/store/workspace-store';

const say = (line: string): void => void process.stderr.write(`parallax: ${line}\n`);

function workspacePathOf(value: string | undefined): string {
  return value ? resolve(value) : defaultWorkspacePath(parallaxHome());
}

/** Opens a workspace for the command line (its lock keeps a running app out), creating it from `seed` if missing. */
async function openStore(path: string, seed: () => Promise<DocumentRecord[]>, name: string) {
  const store = await WorkspaceStore.open(path, { seed, name });
  // Reconciles anchors exactly as the app does when it opens the file.
  reconcileOnOpen(store);
  return store;
}

export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      replace: { type: 'boolean', default: false },
      new: { type: 'boolean', default: false },
      title: { type: 'string' },
      authors: { type: 'string' },
      venue: { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  if (values.replace && values.new) throw new UsageError('--replace and --new exclude each other');
  const typed = values.title ?? values.authors ?? values.venue ?? values.date;
  if (typed !== undefined && positionals.length > 1)
    throw new UsageError('--title, --authors, --venue and --date need a single FILE');
  if (values.date !== undefined && !PartialDate.safeParse(values.date).success)
    throw new UsageError('--date is YYYY, YYYY-MM or YYYY-MM-DD');
  const path = workspacePathOf(values.workspace);

  const jsonFiles = positionals.filter((f) => extname(f).toLowerCase() === '.json');
  const files = positionals.filter((f) => extname(f).toLowerCase() !== '.json');
  // Read everything first; one bad file changes nothing.
  const read: { file: string; imported: ImportedDocument }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      read.push({ file, imported: await importFromDisk(resolve(file)) });
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  const collections: ParallaxCollection[] = [];
  for (const file of jsonFiles) {
    try {
      collections.push(parseCollection(await readFile(file, 'utf8'), basename(file)));
    } catch (err) {
      problems.push(err instanceof ParallaxError ? err.message : `${file}: ${(err as Error).message}`);
    }
  }
  if (problems.length) {
    throw new ParallaxError('invalid-input', `nothing was imported:\n  ${problems.join('\n  ')}`);
  }
  const placeFiles = (data: WorkspaceFile): void => {
    for (const { file, imported } of read) {
      const meta: DocumentMeta = metaWithFallbacks(imported.meta, file);
      if (values.title) meta.title = values.title;
      if (values.authors !== undefined) meta.authors = splitAuthors(values.authors);
      if (values.venue !== undefined) meta.venue = values.venue || undefined;
      if (values.date !== undefined) meta.date = values.date;
      const same = sameDocuments(data, file, meta.title);
      if (same.length && !values.new && !values.replace) {
        say(
          `${basename(file)} is already in the workspace as "${same[0].meta.title}" (${same[0].id}); skipped. Use --replace to replace it or --new to add it again.`,
        );
        process.exitCode = 1;
        continue;
      }
      const placed = placeImport(data, imported, meta, {
        fileName: file,
        source: resolve(file),
        replace: values.replace ? same[0]?.id : undefined,
      });
      for (const w of imported.warnings) say(`${basename(file)}: ${w}`);
      say(
        placed.replaced
          ? `replaced ${placed.document.id} with ${basename(file)}: ${placed.moved} annotations moved, ${placed.orphaned} orphaned`
          : `imported ${basename(file)} as ${placed.document.id} ("${placed.document.meta.title}")`,
      );
    }
  };
  const mergeCollections = (data: WorkspaceFile): void => {
    for (const c of collections) {
      const r = mergeCollection(data, c);
      say(
        `${r.annotations} annotations (${r.orphaned} orphans), ${r.tags} tags, ${r.documents} new documents from the export`,
      );
    }
  };

  const creating = !existsSync(path);
  let seed: DocumentRecord[] = [];
  if (creating) {
    // A new workspace starts with the imported documents (never the samples).
    const scratch = { documents: [], annotations: [], codebook: [] } as unknown as WorkspaceFile;
    for (const c of collections)
      scratch.documents.push(...documentsOf(c).filter((d) => !scratch.documents.some((x) => x.id === d.id)));
    placeFiles(scratch);
    seed = scratch.documents;
    if (seed.length === 0) throw new ParallaxError('invalid-input', 'nothing to put in the new workspace.');
  }
  const name = collections[0]?.['parallax:workspace'].name ?? basename(path, extname(path));
  const store = await openStore(path, async () => seed, name);
  try {
    await store.update((data) => {
      if (creating && collections.length) data.codebook = [];
      mergeCollections(data);
      if (!creating) placeFiles(data);
    });
  } finally {
    await store.close();
  }
  say(`${creating ? 'created' : 'updated'} ${path}`);
}

export async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { workspace: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  });
  const formats = Object.keys(EXPORT_FORMATS).join(', ');
  if (!values.format) throw new UsageError(`export needs --format (${formats})`);
  const format = ExportFormat.safeParse(values.format);
  if (!format.success) throw new UsageError(`--format is one of ${formats}, not "${values.format}"`);
  if (!values.out) throw new UsageError('export needs --out PATH');
  const path = workspacePathOf(values.workspace);
  if (!existsSync(path)) throw new ParallaxError('not-found', `No workspace at ${path}.`);
  const store = await openStore(path, async () => [], 'Workspace');
  try {
    const started = performance.now();
    const out = resolve(values.out);
    const bytes = await exportWorkspace(store, format.data, out);
    say(`wrote ${out} (${(bytes / 1024).toFixed(1)} KB) in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await store.close();
  }
}
