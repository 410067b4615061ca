/**
 * The services behind the contract: documents and layout of one workspace.
 * Plain Node; the Electron IPC binding, the HTTP host and tests all use this.
 */
import type { Node } from 'prosemirror-model';
import { ParallaxError, type ApiHandlers } from '../../common/api';
import { documentTooLarge } from '../../common/limits';
import { checkNodeJSON } from '../../common/node-json';
import type { AlignJob } from '../../common/api';
import type { DocumentRecord, DocumentSummary, Layout, Suggestion } from '../../common/model';
import { schema } from '../../common/schema';
import { plainTextOf } from '../../common/plaintext';
import { defaultAlignerHost, type AlignerHost, type Corpus } from './align-jobs';
import { anchoredItems, attach, reconcileAnchors, reanchorAnnotation, rememberText } from './annotations/anchors';
import { createAnnotationHandlers } from './annotations/service';
import { createUndoable } from './annotations/undoable';
import { createExportHandlers, type ExportHooks } from './export/service';
import { readImportFile } from './import/files';
import { createImportHandlers } from './import/service';
import { createLinkHandlers } from './links/service';
import { samplesDir } from './paths';
import { isAbsolute, join } from 'node:path';
import { alignInputOf, type AlignOutput } from './aligner/align';
import type { AlignInput } from './aligner/passages';
import { DEFAULT_CONCEPTS } from './aligner/concepts';
import type { WorkspaceStore } from './store/workspace-store';

export interface ServiceContext {
  store: WorkspaceStore;
  mode: 'electron' | 'browser';
  version: string;
  /** Where documents whose source is a bare file name came from (default: samples/). */
  sourceDir?: string;
  /** Where Align and counterpart queries run (a long-lived worker thread by default). */
  aligner?: AlignerHost;
  /** How exports ask where to write and show the result (the desktop app's dialogs). */
  exportHooks?: ExportHooks;
}

/** Suggestions Align keeps per run. */
export const SUGGESTIONS_PER_RUN = 150;

/**
 * New suggestions replace the undecided ones; those the analyst accepted or dismissed
 * stay as they are (a fresh result with the same id does not bring them back).
 */
export function mergeSuggestions(
  previous: Suggestion[],
  result: AlignOutput,
  revisions: Map<string, number>,
): Suggestion[] {
  const decided = previous.filter((s) => s.status !== 'suggested');
  const decidedIds = new Set(decided.map((s) => s.id));
  const fresh: Suggestion[] = result.alignments
    .filter((al) => !decidedIds.has(al.id))
    .map((al) => ({
      id: al.id,
      relation: al.relation,
      score: al.score,
      confidence: al.confidence,
      a: { ...al.a, revision: revisions.get(al.a.doc) ?? 0 },
      b: { ...al.b, revision: revisions.get(al.b.doc) ?? 0 },
      evidence: al.evidence,
      status: 'suggested',
    }));
  return [...decided, ...fresh];
}

function summary(d: DocumentRecord): DocumentSummary {
  return { id: d.id, meta: d.meta, revision: d.revision, updatedAt: d.updatedAt };
}

/** Checks that JSON is a document of the shared schema; throws a typed error otherwise. */
export function checkDocumentJSON(json: unknown): Node {
  const tooLarge = documentTooLarge(json);
  if (tooLarge) throw new ParallaxError('too-large', `Cannot save: ${tooLarge}. Split it into several documents.`);
  // Depth first, without recursion: the schema check below recurses once per level.
  const shape = checkNodeJSON(json);
  if (shape)
    throw new ParallaxError(shape.tooDeep ? 'too-deep' : 'invalid-input', `Not a valid document: ${shape.message}`);
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

  const aligner = ctx.aligner ?? defaultAlignerHost();
  // What the aligner reads of each document, kept per revision: counterpart queries
  // come on every cursor move and must not re-read every text.
  const inputs = new Map<string, { revision: number; input: AlignInput }>();
  const alignInput = (d: DocumentRecord): AlignInput => {
    const kept = inputs.get(d.id);
    if (kept?.revision === d.revision) return kept.input;
    const input = alignInputOf(d);
    inputs.set(d.id, { revision: d.revision, input });
    return input;
  };
  const corpusKey = () =>
    JSON.stringify([store.data.documents.map((d) => `${d.id}@${d.revision}`), store.data.concepts]);
  const corpus = (): Corpus => ({
    key: corpusKey(),
    cachePath: `${store.path}.embeddings`,
    docs: store.data.documents.map(alignInput),
    concepts: [...DEFAULT_CONCEPTS, ...store.data.concepts],
  });
  const jobs = new Map<string, AlignJob>();
  let running: AlignJob | undefined;
  let jobCount = 0;

  // Annotations left behind by a text change that did not reach them (an older
  // Parallax, a crash between writes) are found again before anyone reads them.
  const orphanedOnOpen = reconcileAnchors(
    store.data.documents,
    [...anchoredItems(store.data)].map(([, item]) => item),
  );
  if (orphanedOnOpen > 0) {
    store.notices.push(
      `${orphanedOnOpen} tagged or linked passage${orphanedOnOpen === 1 ? '' : 's'} could not be found in the current text and ${orphanedOnOpen === 1 ? 'is' : 'are'} listed under Orphans.`,
    );
  }

  const undoable = createUndoable(store);
  return {
    ...createAnnotationHandlers(store, undoable),
    ...createLinkHandlers(store, undoable),
    ...createImportHandlers(store),
    ...createExportHandlers(store, ctx.exportHooks),
    async startAlign() {
      if (running) return { ...running };
      if (store.data.documents.length < 2) {
        throw new ParallaxError('invalid-input', 'Align needs at least two documents in the workspace.');
      }
      const job: AlignJob = { id: `align-${++jobCount}`, state: 'running', stage: 'starting', done: 0, total: 0 };
      jobs.set(job.id, job);
      running = job;
      const { docs, concepts } = corpus();
      const revisions = new Map(store.data.documents.map((d) => [d.id, d.revision]));
      aligner
        .align({ docs, concepts, top: SUGGESTIONS_PER_RUN }, (stage, done, total) => {
          Object.assign(job, { stage, done, total });
        })
        .then(async (result) => {
          Object.assign(job, { stage: 'saving', done: 0, total: 1 });
          await store.update((data) => {
            data.suggestions = mergeSuggestions(data.suggestions, result, revisions);
            data.alignedAt = new Date().toISOString();
          });
          Object.assign(job, { state: 'done', stage: 'done', done: 1, total: 1, count: result.alignments.length });
        })
        .catch((err: unknown) => {
          Object.assign(job, { state: 'failed', error: `Align failed: ${(err as Error).message ?? String(err)}` });
        })
        .finally(() => {
          running = undefined;
        });
      return { ...job };
    },
    async getAlignJob({ id }) {
      const job = jobs.get(id);
      if (!job) throw new ParallaxError('not-found', `No Align run "${id}".`);
      return { ...job };
    },
    async listSuggestions() {
      return { suggestions: store.data.suggestions, alignedAt: store.data.alignedAt };
    },
    async getCounterparts({ doc, start, end, k }) {
      const record = find(doc);
      const text = alignInput(record).text;
      if (start > end || end > text.length) {
        throw new ParallaxError(
          'invalid-input',
          `The range ${start}–${end} is outside the text (${text.length} characters).`,
        );
      }
      if (store.data.documents.length < 2)
        return { passage: { doc, start, end, text: text.slice(start, end) }, matches: [], state: 'lexical' };
      return aligner.counterparts({ key: corpusKey(), load: corpus }, { doc, start, end, k });
    },
    async getConcepts() {
      return { defaults: DEFAULT_CONCEPTS, custom: store.data.concepts };
    },
    async saveConcepts({ custom }) {
      const ids = new Set<string>();
      for (const c of custom) {
        if (ids.has(c.id)) throw new ParallaxError('invalid-input', `Two concepts have the id "${c.id}".`);
        ids.add(c.id);
      }
      return store.update((data) => {
        data.concepts = custom.map((c) => ({ id: c.id, label: c.label, forms: c.forms }));
        return { custom: data.concepts };
      });
    },
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
    async saveDocument({ id, doc, baseRevision, anchors = [], lost = [] }) {
      const node = checkDocumentJSON(doc);
      const text = plainTextOf(node).text;
      for (const a of anchors) {
        if (a.end > text.length || a.end <= a.start) {
          throw new ParallaxError('invalid-input', `The new range of annotation "${a.id}" is outside the text.`);
        }
      }
      return store.update((data) => {
        const record = data.documents.find((d) => d.id === id);
        if (!record) throw new ParallaxError('not-found', `No document "${id}" in this workspace.`);
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
        record.doc = json;
        record.revision += 1;
        record.updatedAt = new Date().toISOString();
        rememberText(record, text);
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
    async reloadDocument({ id }) {
      const current = find(id);
      if (!current.source) {
        throw new ParallaxError('not-found', `"${current.meta.title}" has no source file to reload from.`);
      }
      const file = isAbsolute(current.source) ? current.source : join(ctx.sourceDir ?? samplesDir(), current.source);
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
      return store.update((data) => {
        const record = find(id);
        if (JSON.stringify(record.doc) === JSON.stringify(fresh.doc)) {
          return { revision: record.revision, unchanged: true, moved: 0, orphaned: 0 };
        }
        record.doc = fresh.doc;
        // Details the file does not give (a PDF without authors) keep what the analyst typed.
        record.meta = { ...record.meta, ...fresh.meta, extra: { ...record.meta.extra, ...(fresh.meta.extra ?? {}) } };
        record.revision += 1;
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
        return { revision: record.revision, unchanged: false, moved, orphaned };
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
