/**
 * The document calls of the contract: the workspace's document list and layout, reading
 * a document, saving an edit (annotations and link ends follow it exactly where the
 * editor mapped them, else are found again by quote), and reading a text again from its
 * source file (undoable; edits made in Parallax are replaced only when the analyst says so).
 */
import { isAbsolute, join } from 'node:path';
import { ParallaxError, type ApiHandlers } from '../../../common/api';
import type { DocumentRecord, Layout, WorkspaceFile } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import { schema } from '../../../common/schema';
import { anchoredItems, attach, reanchorAnnotation, rememberText, textOf } from '../annotations/anchors';
import type { ChangeRecorder } from '../annotations/history';
import type { Undoable } from '../annotations/undoable';
import { readImportFile } from '../import/files';
import { samplesDir } from '../paths';
import type { WorkspaceStore } from '../store/workspace-store';
import { checkDocumentJSON, findDocument, summaryOf } from './records';

type DocumentCalls =
  'getWorkspace' | 'listDocuments' | 'getDocument' | 'saveDocument' | 'reloadDocument' | 'saveLayout';

export interface DocumentServiceOptions {
  /** Where documents whose source is a bare file name came from (default: samples/). */
  sourceDir?: string;
  /** The undo history, whose kept ranges follow each edit like the live ones. */
  history?: Pick<Undoable, 'textChanged' | 'act'>;
}

/** Creates the handlers of the document and layout calls. */
export function createDocumentHandlers(
  store: WorkspaceStore,
  options: DocumentServiceOptions = {},
): Pick<ApiHandlers, DocumentCalls> {
  const find = (id: string): DocumentRecord => findDocument(store.data, id);
  const ensureDocsExist = (layout: Layout): void => {
    for (const pane of layout.panes) find(pane.docId);
    const ids = new Set(layout.panes.map((p) => p.id));
    if (ids.size !== layout.panes.length) throw new ParallaxError('invalid-input', 'Pane ids must be unique.');
  };

  return {
    async getWorkspace() {
      const notices = store.notices.splice(0);
      return {
        name: store.data.name,
        documents: store.data.documents.map(summaryOf),
        layout: store.data.layout,
        notices,
      };
    },
    async listDocuments() {
      return store.data.documents.map(summaryOf);
    },
    async getDocument({ id }) {
      const d = find(id);
      return { id: d.id, meta: d.meta, doc: d.doc, revision: d.revision };
    },
    async saveDocument({ id, doc, baseRevision, anchors = [], lost = [] }) {
      const node = checkDocumentJSON(doc);
      const text = plainTextOf(node).text;
      for (const a of anchors) {
        if (a.end > text.length || a.end <= a.start) {
          throw new ParallaxError('invalid-input', `The new range of annotation "${a.id}" is outside the text.`);
        }
      }
      return store.update((data) => {
        const record = findDocument(data, id);
        const json = node.toJSON() as DocumentRecord['doc'];
        if (record.revision === baseRevision + 1 && JSON.stringify(record.doc) === JSON.stringify(json)) {
          // The same save again (its write failed on a full disk, or its answer was lost):
          // it is already applied, so answer as the first time instead of a conflict.
          let orphaned = 0;
          for (const [, a] of anchoredItems(data)) if (a.doc === id && a.orphan) orphaned++;
          return { revision: record.revision, orphaned };
        }
        if (record.revision !== baseRevision) {
          throw new ParallaxError(
            'conflict',
            `"${record.meta.title}" was changed elsewhere (revision ${record.revision}, this edit started from ${baseRevision}). Reload it to continue.`,
          );
        }
        const before = textOf(record);
        record.doc = json;
        record.revision += 1;
        record.updatedAt = new Date().toISOString();
        rememberText(record, text);
        options.history?.textChanged(record, baseRevision, before, text);
        // Ranges the editor mapped through the edit are exact; the rest are found by quote.
        const mapped = new Map(anchors.map((a) => [a.id, a]));
        const gone = new Set(lost);
        let orphaned = 0;
        for (const [key, a] of anchoredItems(data)) {
          if (a.doc !== id || a.orphan) continue;
          const m = mapped.get(key);
          if (m) attach(a, record, text, m.start, m.end);
          else if (gone.has(key)) a.orphan = true;
          else reanchorAnnotation(a, record, text); // an orphan when not found
          if (a.orphan) orphaned++;
        }
        return { revision: record.revision, orphaned };
      });
    },
    async reloadDocument({ id, replaceEdits = false }) {
      const current = find(id);
      if (!current.source) {
        throw new ParallaxError('not-found', `"${current.meta.title}" has no source file to reload from.`);
      }
      const file = isAbsolute(current.source)
        ? current.source
        : join(options.sourceDir ?? samplesDir(), current.source);
      const fresh = await readImportFile(file).catch((err: Error) => {
        if (err instanceof ParallaxError && err.code === 'not-found') {
          throw new ParallaxError(
            'not-found',
            `"${current.meta.title}" came from ${current.source}, which Parallax cannot find any more; import the file again to replace it.`,
          );
        }
        throw err;
      });
      const text = plainTextOf(schema.nodeFromJSON(fresh.doc)).text;
      // A replaced text goes in the undo history (with its annotations' and links' places), when there is one.
      const history = options.history;
      const change = <T>(run: (data: WorkspaceFile, touch?: ChangeRecorder) => T): Promise<T> =>
        history ? history.act(`Reload “${current.meta.title}” from its file`, run) : store.update((data) => run(data));
      return change((data, touch) => {
        const record = findDocument(data, id);
        const edited = record.revision > (record.sourceRevision ?? 0);
        if (JSON.stringify(record.doc) === JSON.stringify(fresh.doc)) {
          record.sourceRevision = record.revision; // edits that ended where the file is are none
          return { revision: record.revision, unchanged: true, edited: false, replaced: false, moved: 0, orphaned: 0 };
        }
        // Edits made in Parallax are replaced only when the analyst said so.
        if (edited && !replaceEdits)
          return { revision: record.revision, unchanged: false, edited, replaced: false, moved: 0, orphaned: 0 };
        touch?.text(id);
        for (const a of data.annotations) if (a.doc === id) touch?.annotation(a.id);
        for (const l of data.links) if (l.ends.some((e) => e.doc === id)) touch?.link(l.id);
        record.doc = fresh.doc;
        // Details the file does not give (a PDF without authors) keep what the analyst typed.
        record.meta = { ...record.meta, ...fresh.meta, extra: { ...record.meta.extra, ...(fresh.meta.extra ?? {}) } };
        record.revision += 1;
        record.sourceRevision = record.revision;
        record.updatedAt = new Date().toISOString();
        rememberText(record, text);
        let moved = 0;
        let orphaned = 0;
        for (const [, a] of anchoredItems(data)) {
          if (a.doc !== id || a.orphan) continue;
          const before = a.start;
          if (!reanchorAnnotation(a, record, text)) orphaned++;
          else if (a.start !== before) moved++;
        }
        return { revision: record.revision, unchanged: false, edited, replaced: true, moved, orphaned };
      });
    },
    async saveLayout(layout) {
      ensureDocsExist(layout);
      return store.update((data) => {
        data.layout = { panes: layout.panes.map((p) => ({ id: p.id, docId: p.docId })) };
        return data.layout;
      });
    },
  };
}
