/**
 * The services behind the contract: documents and layout of one workspace.
 * Plain Node; the Electron IPC binding, the HTTP host and tests all use this.
 */
import type { Node } from 'prosemirror-model';
import { ParallaxError, MAX_DOCUMENT_JSON_CHARS, type ApiHandlers } from '../../common/api';
import type { DocumentRecord, DocumentSummary, Layout } from '../../common/model';
import { schema } from '../../common/schema';
import type { WorkspaceStore } from './workspace-store';

export interface ServiceContext {
  store: WorkspaceStore;
  mode: 'electron' | 'browser';
  version: string;
}

function summary(d: DocumentRecord): DocumentSummary {
  return { id: d.id, meta: d.meta, revision: d.revision, updatedAt: d.updatedAt };
}

/** Checks that JSON is a document of the shared schema; throws a typed error otherwise. */
export function checkDocumentJSON(json: unknown): Node {
  if (JSON.stringify(json).length > MAX_DOCUMENT_JSON_CHARS) {
    throw new ParallaxError('too-large', 'The document is too large to save.');
  }
  try {
    const node = schema.nodeFromJSON(json);
    node.check();
    if (node.type !== schema.topNodeType) throw new Error('the top node must be a document');
    return node;
  } catch (err) {
    throw new ParallaxError('invalid-input', `Not a valid document: ${(err as Error).message}`);
  }
}

/** Creates the handlers for every contract call. */
export function createWorkspaceService(ctx: ServiceContext): ApiHandlers {
  const { store } = ctx;
  const find = (id: string): DocumentRecord => {
    const doc = store.data.documents.find((d) => d.id === id);
    if (!doc) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
    return doc;
  };
  const ensureDocsExist = (layout: Layout): void => {
    for (const pane of layout.panes) find(pane.docId);
    const ids = new Set(layout.panes.map((p) => p.id));
    if (ids.size !== layout.panes.length) throw new ParallaxError('invalid-input', 'Pane ids must be unique.');
  };

  return {
    async getAppInfo() {
      return { name: 'Parallax', version: ctx.version, mode: ctx.mode, workspacePath: store.path };
    },
    async getWorkspace() {
      const notices = store.notices.splice(0);
      return {
        name: store.data.name,
        documents: store.data.documents.map(summary),
        layout: store.data.layout,
        notices,
      };
    },
    async listDocuments() {
      return store.data.documents.map(summary);
    },
    async getDocument({ id }) {
      const d = find(id);
      return { id: d.id, meta: d.meta, doc: d.doc, revision: d.revision };
    },
    async saveDocument({ id, doc, baseRevision }) {
      const node = checkDocumentJSON(doc);
      return store.update((data) => {
        const record = data.documents.find((d) => d.id === id);
        if (!record) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
        if (record.revision !== baseRevision) {
          throw new ParallaxError(
            'conflict',
            `"${record.meta.title}" was changed elsewhere (revision ${record.revision}, this edit started from ${baseRevision}). Reload it to continue.`,
          );
        }
        record.doc = node.toJSON() as DocumentRecord['doc'];
        record.revision += 1;
        record.updatedAt = new Date().toISOString();
        return { revision: record.revision };
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
