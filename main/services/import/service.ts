/**
 * The import calls of the contract. An import happens in two steps so the analyst can
 * check the details first: `prepareImport` reads the file and answers with what it
 * found (metadata, size, documents it may replace); `commitImport` puts it into the
 * workspace with the details as confirmed. Prepared imports wait a few minutes.
 */
import { randomUUID } from 'node:crypto';
import { ParallaxError, type ApiHandlers } from '../../../common/api';
import type { DocumentRecord } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import type { WorkspaceStore } from '../store/workspace-store';
import { documentsOf, mergeCollection, parseCollection } from './annotation-collection';
import { readImport } from './read';
import { MAX_IMPORT_BYTES, type ImportedDocument } from './types';
import { checkMeta, metaWithFallbacks, placeImport, sameDocuments } from './workspace-import';

/** How long a prepared import waits for its confirmation. */
const PENDING_MS = 15 * 60_000;
/** Most prepared imports kept at once (a dropped folder of files). */
const MAX_PENDING = 200;

interface Pending {
  imported: ImportedDocument;
  fileName: string;
  expires: number;
}

type ImportHandlers = Pick<ApiHandlers, 'prepareImport' | 'commitImport' | 'updateDocumentMeta' | 'importAnnotations'>;

function summary(d: DocumentRecord) {
  return { id: d.id, meta: d.meta, revision: d.revision, updatedAt: d.updatedAt };
}

/** Decodes base64 strictly: a payload that is not base64 is refused, not half-read. */
function decodeBase64(data: string, fileName: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new ParallaxError('invalid-input', `${fileName}: the file's content did not arrive intact (not base64).`);
  }
  return new Uint8Array(Buffer.from(data, 'base64'));
}

export function createImportHandlers(store: WorkspaceStore): ImportHandlers {
  const pending = new Map<string, Pending>();
  const prune = (): void => {
    const now = Date.now();
    for (const [id, p] of pending) if (p.expires < now) pending.delete(id);
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
  };
  return {
    async prepareImport({ fileName, data }) {
      if (data.length > Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4) {
        throw new ParallaxError(
          'too-large',
          `${fileName} is larger than ${MAX_IMPORT_BYTES / 1048576} MB, the most Parallax imports.`,
        );
      }
      const imported = await readImport(decodeBase64(data, fileName), fileName);
      prune();
      const importId = randomUUID();
      pending.set(importId, { imported, fileName, expires: Date.now() + PENDING_MS });
      const meta = metaWithFallbacks(imported.meta, fileName);
      // An empty list of authors was not found either.
      const found = (['title', 'authors', 'venue', 'date'] as const).filter((k) => {
        const v = imported.meta[k];
        return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
      });
      const pt = plainTextOf(imported.doc);
      return {
        importId,
        fileName,
        format: imported.format,
        meta,
        found: [...found],
        warnings: imported.warnings,
        stats: {
          characters: pt.text.length,
          paragraphs: pt.blocks.filter((b) => b.kind !== 'note').length,
          notes: pt.blocks.filter((b) => b.kind === 'note').length,
        },
        matches: sameDocuments(store.data, fileName, meta.title).map((d) => ({ id: d.id, title: d.meta.title })),
      };
    },
    async commitImport({ importId, meta, replace }) {
      const p = pending.get(importId);
      if (!p) throw new ParallaxError('not-found', 'This import has expired; import the file again.');
      const checked = checkMeta(meta);
      const placed = await store.update((data) =>
        placeImport(data, p.imported, checked, { fileName: p.fileName, replace }),
      );
      pending.delete(importId);
      return {
        document: summary(placed.document),
        replaced: placed.replaced,
        moved: placed.moved,
        orphaned: placed.orphaned,
      };
    },
    async importAnnotations({ fileName, text }) {
      // Parsed and checked in full before the workspace changes.
      const collection = parseCollection(text, fileName);
      documentsOf(collection);
      return store.update((data) => mergeCollection(data, collection));
    },
    async updateDocumentMeta({ id, meta }) {
      const checked = checkMeta(meta);
      return store.update((data) => {
        const record = data.documents.find((d) => d.id === id);
        if (!record) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
        record.meta = checked;
        record.updatedAt = new Date().toISOString();
        return summary(record);
      });
    },
  };
}
