/**
 * Keeps the open workspace's views current after changes that reach beyond one record: a
 * document imported, replaced or re-described, an annotation export merged, a save that
 * moved annotations or link ends, an edit another pane of the same document must show,
 * an undo — and changes another window made (`workspaceChanged`), of which only the
 * parts named are read again.
 */
import type { ImportResult, WorkspacePart, WorkspacePayload } from '../../../common/api';
import { MAX_PANES, type DocumentSummary } from '../../../common/model';
import { call, onEvent, onEventsLost, onEventsOpen } from '../bridge';
import type { LinkModel } from '../links/link-model';
import type { Annotator } from '../panels/annotator';
import type { SuggestionsView } from '../panels/suggestions-view';
import type { OverviewData } from '../overviews/overview-data';
import type { Pane } from './pane';
import type { PaneRow } from './pane-row';

/** What the sync reads and changes of the workspace view. */
export interface SyncedWorkspace {
  /** The workspace as loaded; its document list is kept current here. */
  readonly workspace: WorkspacePayload;
  readonly row: PaneRow;
  readonly annotator: Annotator;
  readonly links: LinkModel;
  readonly suggestions: SuggestionsView;
  readonly overviewData: OverviewData;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
}

export class WorkspaceSync {
  private lost = false;

  constructor(private readonly view: SyncedWorkspace) {
    // Suggestions follow the event by themselves (suggestions-view.ts).
    onEvent('workspaceChanged', (change) => void this.changedElsewhere(change.what));
    // Changes made while the stream was down were not heard: everything is read again.
    onEventsLost(() => (this.lost = true));
    onEventsOpen(() => {
      if (!this.lost) return;
      this.lost = false;
      void this.changedElsewhere(['documents', 'codebook', 'annotations', 'links', 'topics']);
      void view.suggestions.load().then(() => {
        for (const pane of this.panes) pane.showSuggestions();
      });
    });
  }

  /** Another window changed these parts of the workspace: they alone are read again. */
  async changedElsewhere(what: WorkspacePart[]): Promise<void> {
    const parts = new Set(what);
    const { annotator, links, overviewData } = this.view;
    try {
      if (parts.has('documents')) await this.documentsChanged();
      await Promise.all([
        (parts.has('annotations') || parts.has('codebook')) && annotator.load(),
        parts.has('links') && links.load(),
        parts.has('topics') && overviewData.reloadTopics(),
      ]);
    } catch (err) {
      this.view.notify(`A change made in another window could not be shown: ${(err as Error).message}`, 'error');
    }
  }

  /** Reads the document list again; panes whose text or details changed show them (unless being edited). */
  private async documentsChanged(): Promise<void> {
    const { workspace } = this.view;
    const before = new Map(workspace.documents.map((d) => [d.id, d]));
    workspace.documents = await call('listDocuments', {});
    const changed = new Set(
      workspace.documents
        .filter((d) => {
          const was = before.get(d.id);
          return !was || was.revision !== d.revision || JSON.stringify(was.meta) !== JSON.stringify(d.meta);
        })
        .map((d) => d.id),
    );
    await Promise.all(this.panes.filter((p) => changed.has(p.docId)).map((p) => p.refreshIfClean()));
    this.view.row.refresh();
  }

  private get panes(): Pane[] {
    return this.view.row.panes;
  }

  /** An import added a document (shown in a new pane, or the active one when the row is full) or replaced one. */
  async documentImported(result: ImportResult): Promise<void> {
    const { document: doc } = result;
    const { row } = this.view;
    const { documents } = this.view.workspace;
    const known = documents.findIndex((d) => d.id === doc.id);
    if (known >= 0) documents[known] = doc;
    else documents.push(doc);
    if (result.replaced) {
      await Promise.all([this.view.annotator.load(), this.view.links.load()]);
      await Promise.all(this.panes.filter((p) => p.docId === doc.id).map((p) => p.load()));
      row.refresh();
      return;
    }
    if (this.panes.length < MAX_PANES) {
      row.addPane(doc.id);
      // The row scrolls sideways when narrow: bring the new pane into view.
      this.panes.find((p) => p.docId === doc.id)?.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      row.refresh();
      await row.paneFor(doc.id);
    }
  }

  /** Reads the document list, annotations and links again (an annotation export was merged). */
  async workspaceChanged(): Promise<void> {
    this.view.workspace.documents = await call('listDocuments', {});
    await Promise.all([this.view.annotator.load(), this.view.links.load()]);
    await Promise.all(this.panes.map((p) => p.refreshIfClean()));
    this.view.row.refresh();
  }

  /** A document's details (title, authors…) were changed. */
  documentDetailsChanged(summary: DocumentSummary): void {
    const { documents } = this.view.workspace;
    const known = documents.findIndex((d) => d.id === summary.id);
    if (known >= 0) documents[known] = summary;
    for (const pane of this.panes) if (pane.docId === summary.id) void pane.refreshIfClean();
    this.view.row.refresh();
  }

  /** A pane saved its text: other panes showing the document read it again. */
  documentSaved(source: Pane, docId: string): void {
    for (const pane of this.panes) if (pane !== source && pane.docId === docId) void pane.refreshIfClean();
  }

  /** An undo or redo changed these parts besides annotations and tags: they are read again. */
  async historyStepped(touched: WorkspacePart[]): Promise<void> {
    const { links, suggestions, overviewData } = this.view;
    // A text replaced by its file's (or given back) is shown again first.
    if (touched.includes('documents')) await this.documentsChanged();
    await Promise.all([
      touched.includes('links') && links.load(),
      touched.includes('suggestions') &&
        suggestions.load().then(() => {
          for (const pane of this.panes) pane.showSuggestions();
        }),
      touched.includes('topics') && overviewData.reloadTopics(),
    ]);
  }

  /** A save or reload moved annotations in the store: they are read again, and orphans told. */
  annotationsMoved(orphaned: number): void {
    const { annotator } = this.view;
    void annotator.load().then(() => {
      if (orphaned > 0) {
        this.view.notify(
          `${orphaned} annotation${orphaned === 1 ? '' : 's'} lost ${orphaned === 1 ? 'its' : 'their'} text in this edit and ${orphaned === 1 ? 'is' : 'are'} listed under Orphans.`,
          'info',
          { label: 'Show', run: () => annotator.panel.show('orphans') },
        );
      }
    });
  }

  /** A save moved link ends in the store: the links are read again. */
  linksMoved(): void {
    void this.view.links
      .load()
      .catch((err: Error) => this.view.notify(`Links could not be loaded: ${err.message}`, 'error'));
  }
}
