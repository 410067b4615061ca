/**
 * The composition root: opening a workspace with every service behind the contract, for
 * any transport (Electron IPC, the local host, the command line, tests). Each service
 * owns its calls — documents, annotations (with the codebook and the one undo history),
 * links, suggestions (Align, counterparts, concepts), topics, search, import, export — and
 * they are put together here and nowhere else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../common/api';
import type { DocumentRecord } from '../../common/model';
import { defaultAlignerHost, type AlignerHost } from './align-jobs';
import { anchoredItems, reconcileAnchors } from './annotations/anchors';
import { createAnnotationHandlers } from './annotations/service';
import { createUndoable } from './annotations/undoable';
import { createDocumentHandlers } from './documents/service';
import { EventHub } from './events';
import { createExportHandlers, type ExportHooks } from './export/service';
import { createImportHandlers } from './import/service';
import { createLinkHandlers } from './links/service';
import { appRoot, samplesDir } from './paths';
import { createSearchHandlers } from './search/service';
import { readDocumentFolder } from './sources';
import { WorkspaceStore } from './store/workspace-store';
import { createSuggestionHandlers } from './suggestions/service';
import { createTopicHandlers } from './topics/service';

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
  /** Where Align progress and changes made here (not by the caller) are announced. */
  events?: EventHub;
}

/**
 * Finds again the annotations and link ends left behind by a text change that did not
 * reach them (an older Parallax, a crash between writes), before anyone reads them; the
 * ones not found become orphans and the analyst is told.
 */
export function reconcileOnOpen(store: WorkspaceStore): void {
  const orphaned = reconcileAnchors(
    store.data.documents,
    [...anchoredItems(store.data)].map(([, item]) => item),
  );
  if (orphaned > 0) {
    store.notices.push(
      `${orphaned} tagged or linked passage${orphaned === 1 ? '' : 's'} could not be found in the current text and ${orphaned === 1 ? 'is' : 'are'} listed under Orphans.`,
    );
  }
}

/** Creates the handlers for every contract call over an open store. */
export function createWorkspaceService(ctx: ServiceContext): ApiHandlers {
  const { store } = ctx;
  reconcileOnOpen(store);
  // One history for every analysis action, so Ctrl+Z undoes the last whichever service made it.
  const undoable = createUndoable(store);
  return {
    ...createDocumentHandlers(store, { sourceDir: ctx.sourceDir }),
    ...createAnnotationHandlers(store, undoable),
    ...createLinkHandlers(store, undoable),
    ...createSuggestionHandlers(store, { aligner: ctx.aligner, events: ctx.events }),
    ...createTopicHandlers(store, undoable),
    ...createSearchHandlers(store),
    ...createImportHandlers(store),
    ...createExportHandlers(store, ctx.exportHooks, ctx.events),
    async getAppInfo() {
      return { name: 'Parallax', version: ctx.version, mode: ctx.mode, workspacePath: store.path };
    },
  };
}

export interface OpenedWorkspace {
  store: WorkspaceStore;
  handlers: ApiHandlers;
  /** Events the services push (Align progress, store status, changes made elsewhere). */
  events: EventHub;
  /** Writes what is pending and stops the aligner's worker (and its encoder threads). */
  close(): Promise<void>;
}

/** The version in package.json. */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface OpenWorkspaceOptions {
  /** How exports ask where to write and show their file (desktop dialogs). */
  exportHooks?: ExportHooks;
  /** Documents of a new workspace (default: the samples) and its name. */
  seed?: () => Promise<DocumentRecord[]>;
  name?: string;
  /** Where Align and counterpart queries run (default: the built worker threads, else in-process). */
  aligner?: AlignerHost;
}

/** Opens the workspace at `path`, seeding a new one from samples/ unless told otherwise. */
export async function openWorkspace(
  path: string,
  mode: 'electron' | 'browser',
  options: OpenWorkspaceOptions = {},
): Promise<OpenedWorkspace> {
  const store = await WorkspaceStore.open(path, {
    seed: options.seed ?? (() => readDocumentFolder(samplesDir())),
    name: options.name ?? 'Japan, Russia and the Ukraine war',
  });
  const events = new EventHub();
  store.onStatus((status) => events.emit('storeStatus', status));
  const aligner = options.aligner ?? defaultAlignerHost();
  return {
    store,
    events,
    handlers: createWorkspaceService({
      store,
      mode,
      version: appVersion(),
      exportHooks: options.exportHooks,
      events,
      aligner,
    }),
    async close() {
      // The aligner stops first: a run under way fails rather than writing into a closed store.
      try {
        await aligner.close();
      } finally {
        await store.close();
      }
    },
  };
}
