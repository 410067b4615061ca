/**
 * Putting an imported document into a workspace: as a new document (a fresh id), or
 * in place of one already there, re-anchoring its annotations and link ends to the new
 * text (those not found become orphans to review, never dropped).
 */
import { basename } from 'node:path';
import { ParallaxError, describeIssues } from '../../../common/api';
import { DocumentMeta, type DocumentRecord, type WorkspaceFile } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import { anchoredItems, reanchorAnnotation, rememberText } from '../annotations/anchors';
import { slugify } from '../sources';
import type { FoundMeta, ImportedDocument } from './types';

/** The metadata of an import: what the file gave, the file name as the title otherwise. */
export function metaWithFallbacks(found: FoundMeta, fileName: string): DocumentMeta {
  const stem = basename(fileName).replace(/\.[^.]+$/, '');
  const result = DocumentMeta.safeParse({
    title: (found.title ?? stem).slice(0, 500) || 'Untitled',
    authors: (found.authors ?? []).slice(0, 100).map((a) => a.slice(0, 200)),
    venue: found.venue?.slice(0, 500),
    date: found.date,
    doi: found.doi?.slice(0, 200),
    url: found.url?.slice(0, 2000),
    kind: found.kind?.slice(0, 100),
    extra: found.extra ?? {},
  });
  if (result.success) return result.data;
  // A malformed field from the file is dropped rather than blocking the import.
  return DocumentMeta.parse({ title: (found.title ?? stem).slice(0, 500) || 'Untitled', authors: [], extra: {} });
}

/** Checks metadata typed by the analyst. */
export function checkMeta(meta: unknown): DocumentMeta {
  const result = DocumentMeta.safeParse(meta);
  if (!result.success) throw new ParallaxError('invalid-input', `Document details: ${describeIssues(result.error)}`);
  return result.data;
}

/** Documents of the workspace that an import of `fileName` titled `title` probably is again. */
export function sameDocuments(data: WorkspaceFile, fileName: string, title: string): DocumentRecord[] {
  const file = basename(fileName).toLowerCase();
  const slug = slugify(basename(fileName).replace(/\.[^.]+$/, ''));
  const t = title.trim().toLowerCase();
  return data.documents.filter(
    (d) =>
      (d.source && basename(d.source).toLowerCase() === file) ||
      d.id === slug ||
      d.meta.title.trim().toLowerCase() === t,
  );
}

/** A document id not yet used in the workspace. */
export function freshId(data: WorkspaceFile, wanted: string): string {
  const base = slugify(wanted).slice(0, 110);
  const used = new Set(data.documents.map((d) => d.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface PlacedImport {
  document: DocumentRecord;
  replaced: boolean;
  /** Annotations and link ends found again at another place (replace only). */
  moved: number;
  /** Annotations whose text is gone: listed as orphans. */
  orphaned: number;
}

/**
 * Adds `imported` to `data` (inside a store update), or replaces document `replace`.
 * `source` is the file's path when Parallax can read it again, else its name.
 */
export function placeImport(
  data: WorkspaceFile,
  imported: ImportedDocument,
  meta: DocumentMeta,
  options: { fileName: string; source?: string; replace?: string; now?: string },
): PlacedImport {
  const now = options.now ?? new Date().toISOString();
  const doc = imported.doc.toJSON() as DocumentRecord['doc'];
  const text = plainTextOf(imported.doc).text;
  if (options.replace) {
    const record = data.documents.find((d) => d.id === options.replace);
    if (!record) throw new ParallaxError('not-found', `No document "${options.replace}" to replace.`);
    record.doc = doc;
    record.meta = meta;
    record.source = options.source ?? basename(options.fileName);
    record.revision += 1;
    record.sourceRevision = record.revision;
    record.updatedAt = now;
    rememberText(record, text);
    let moved = 0;
    let orphaned = 0;
    for (const [, a] of anchoredItems(data)) {
      if (a.doc !== record.id || a.orphan) continue;
      const before = a.start;
      if (!reanchorAnnotation(a, record, text)) orphaned++;
      else if (a.start !== before) moved++;
    }
    return { document: record, replaced: true, moved, orphaned };
  }
  const record: DocumentRecord = {
    id: freshId(data, basename(options.fileName).replace(/\.[^.]+$/, '')),
    meta,
    doc,
    revision: 0,
    source: options.source ?? basename(options.fileName),
    createdAt: now,
    updatedAt: now,
  };
  data.documents.push(record);
  rememberText(record, text);
  return { document: record, replaced: false, moved: 0, orphaned: 0 };
}
