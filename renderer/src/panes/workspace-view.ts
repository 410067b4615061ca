/**
 * The open workspace: the toolbar, the row of panes, the side panel, the overviews and
 * the comparison instruments, wired to each other. The panes themselves are kept by the
 * row (pane-row.ts), changes beyond one record by the sync (workspace-sync.ts).
 */
import type { WorkspacePayload } from '../../../common/api';
import type { Annotation, DocumentSummary } from '../../../common/model';
import { h } from '../dom';
import type { SuggestionMark } from '../editor/suggestions';
import { Notices } from '../notices';
import { ShortcutsSheet } from '../shortcuts-sheet';
import { transport } from '../bridge';
import type { AnnotationMark } from '../editor/annotations';
import { LinkModel } from '../links/link-model';
import { Linker } from '../links/linker';
import { LinksList } from '../links/links-list';
import { linkMarks } from '../links/link-marks';
import type { LinkMark } from '../editor/links';
import type { ItemsAt } from '../editor';
import { ItemOpener } from '../panels/item-opener';
import { ReviewView } from '../review/review-view';
import { Annotator } from '../panels/annotator';
import { SuggestionsView } from '../panels/suggestions-view';
import { Comparison } from '../compare';
import { PaneLayout } from '../compare/layout';
import { FileActions } from '../io/file-actions';
import { ConceptsDialog } from './concepts-dialog';
import { OverviewData } from '../overviews/overview-data';
import { OverviewPanel } from '../overviews/overview-panel';
import { revealPassages } from '../overviews/reveal';
import { Pane, type PaneHost } from './pane';
import { PaneRow } from './pane-row';
import { WorkspaceSync } from './workspace-sync';

export class WorkspaceView implements PaneHost {
  readonly element: HTMLElement;
  /** The panes side by side, and which one is active. */
  private readonly row: PaneRow;
  private readonly sync: WorkspaceSync;
  readonly suggestions: SuggestionsView;
  private readonly concepts: ConceptsDialog;
  readonly annotator: Annotator;
  /** The workspace's links, shared by every view that shows them. */
  readonly links = new LinkModel();
  /** Contradictions, synopsis grid, agreement chart and search, docked under the panes. */
  readonly overviews: OverviewPanel;
  private readonly overviewData: OverviewData;
  /** Curves, rulers and panes in step. */
  readonly compare: Comparison;
  private readonly layout: PaneLayout;
  readonly files: FileActions;
  readonly linker: Linker;
  /** The Keyboard Shortcuts sheet (F1, ?); browser mode marks the keys a browser keeps. */
  readonly shortcuts = new ShortcutsSheet(transport === 'http');
  readonly review: ReviewView;
  private readonly linksList: LinksList;
  private readonly opener: ItemOpener;

  constructor(
    private workspace: WorkspacePayload,
    private readonly notices: Notices,
  ) {
    this.row = new PaneRow({
      documents: () => this.workspace.documents,
      notify: (message, kind) => this.notify(message, kind),
      createPane: (id, docId) => new Pane(id, docId, this),
      rowChanged: () => {
        this.layout?.update();
        this.compare?.panesChanged();
      },
    });
    this.suggestions = new SuggestionsView({
      panes: () => this.row.panes,
      activePane: () => this.activePane(),
      documents: () => this.workspace.documents,
      paneFor: (docId) => this.paneFor(docId),
      notify: (message, kind, action) => this.notify(message, kind, action),
      undo: () => void this.annotator.undo(),
      linkChanged: (change) => {
        if ('made' in change) this.links.apply(change.made);
        else {
          const made = this.links.ofSuggestion(change.unmadeFor);
          if (made) this.links.remove(made.id);
        }
      },
      hasLinks: () => this.links.links.length > 0,
    });
    this.concepts = new ConceptsDialog(notices);
    const conceptsButton = h(
      'button',
      { type: 'button', class: 'concepts', title: 'Names that mean the same thing, for Align (Ctrl+Shift+K)' },
      'Concepts…',
    );
    conceptsButton.addEventListener('click', () => void this.concepts.open());
    this.annotator = new Annotator({
      panes: () => this.row.panes,
      documents: () => this.workspace.documents,
      paneFor: (docId) => this.paneFor(docId),
      notify: (message, kind, action) => this.notify(message, kind, action),
      historyStepped: (touched) => this.sync.historyStepped(touched),
    });
    this.overviewData = new OverviewData({
      documents: () => this.workspace.documents,
      links: this.links,
      annotations: this.annotator.model,
      suggestions: () => this.suggestions.all(),
      onSuggestionsChange: (listener) => this.suggestions.onChange(listener),
    });
    this.overviews = new OverviewPanel({
      data: this.overviewData,
      reveal: (passages) => revealPassages(this.row.panes, this.activePane(), passages, (m, k) => this.notify(m, k)),
      notify: (message, kind, action) => this.notify(message, kind, action),
      documents: () => this.workspace.documents,
      panes: () => this.row.panes,
      paneFor: (docId) => this.paneFor(docId),
    });
    this.compare = new Comparison({
      panes: () => this.row.panes,
      links: this.links,
      annotations: () => this.annotator.model,
      suggestions: () => this.suggestions.all().filter((s) => s.status !== 'dismissed'),
      focusedSuggestion: () => this.suggestions.inFocus(),
      documents: () => this.workspace.documents,
      openBeside: (docId) => this.openBeside(docId),
      notify: (message, kind) => this.notify(message, kind),
      openLink: (id, near) => this.linker.open(id, near),
    });
    this.suggestions.onChange(() => this.compare.marksChanged());
    const workspaceHost = {
      panes: () => this.row.panes,
      documents: () => this.workspace.documents,
      paneFor: (docId: string) => this.paneFor(docId),
      notify: (message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }) =>
        this.notify(message, kind, action),
      undo: () => void this.annotator.undo(),
    };
    this.linker = new Linker(this.links, this.annotator.model, workspaceHost);
    this.linksList = new LinksList(this.linker, this.annotator.model, workspaceHost);
    this.review = new ReviewView(this.suggestions, workspaceHost);
    this.opener = new ItemOpener({
      annotator: this.annotator,
      links: this.links,
      linker: this.linker,
      suggestions: this.suggestions,
      documents: () => this.workspace.documents,
      activePane: () => this.activePane(),
      notify: (message) => this.notify(message),
      readingByCaret: () => this.compare.counterparts.isOpen,
    });
    this.annotator.panel.addTab('links', 'Links', this.linksList, 'codebook');
    this.annotator.panel.addTab('review', 'Review', this.review, 'codebook');
    this.annotator.panel.addOrphans({
      element: this.linksList.orphans,
      orphanCount: () => this.linksList.orphanCount(),
      render: () => this.linksList.render(),
    });
    this.links.onChange((change) => {
      for (const pane of this.row.panes) pane.showLinks(change);
      this.annotator.panel.render();
      this.suggestions.refreshLegend();
    });
    const linkButton = h('button', { type: 'button', title: 'Link this passage to another (L)' }, 'Link…');
    linkButton.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
    linkButton.addEventListener('click', () => this.linker.start());
    this.annotator.selectionBar.append(linkButton);
    const workArea = h('div', { class: 'work-area' });
    this.files = new FileActions(
      {
        documents: () => this.workspace.documents,
        notify: (message, kind, action) => this.notify(message, kind, action),
        documentImported: (result) => this.sync.documentImported(result),
        documentDetailsChanged: (summary) => this.sync.documentDetailsChanged(summary),
        workspaceChanged: () => this.sync.workspaceChanged(),
        activeDocument: () => this.activePane()?.docId,
      },
      notices,
      workArea,
    );
    workArea.prepend(this.row.element, this.annotator.panel.element);
    this.element = h(
      'div',
      { class: 'workspace' },
      h(
        'nav',
        { class: 'toolbar', 'aria-label': 'Workspace' },
        h('span', { class: 'brand' }, 'Parallax'),
        h('span', { class: 'workspace-name' }, workspace.name),
        this.files.toolbar,
        h('span', { class: 'spacer' }),
        this.suggestions.legend,
        this.suggestions.status,
        this.suggestions.progress,
        this.suggestions.alignButton,
        conceptsButton,
        this.compare.stepButton,
        this.compare.counterparts.toggleButton,
        this.row.addButton,
        this.annotator.saveIndicator,
        this.overviews.toolbarButton,
        this.annotator.toolbarButton,
        this.shortcuts.toolbarButton,
      ),
      // Between the toolbar and the panes, in the flow: it covers no pane's header or text.
      this.linker.pickBar,
      workArea,
      this.overviews.element,
      this.compare.counterparts.element,
      this.compare.curves.element,
      notices.element,
      ...this.files.elements,
      this.concepts.element,
      this.shortcuts.element,
      this.annotator.popover.element,
      this.suggestions.card.element,
      this.annotator.selectionBar,
      this.linker.dialog.element,
      this.opener.chooser.element,
    );
    this.layout = new PaneLayout({
      workArea,
      panes: this.row.element,
      panel: this.annotator.panel.element,
      panelButton: this.annotator.toolbarButton,
      paneCount: () => this.row.panes.length,
    });
    this.compare.observe(this.row.element, this.suggestions.card.element);
    this.sync = new WorkspaceSync({
      workspace: this.workspace,
      row: this.row,
      annotator: this.annotator,
      links: this.links,
      suggestions: this.suggestions,
      overviewData: this.overviewData,
      notify: (message, kind, action) => this.notify(message, kind, action),
    });
    this.row.restore(workspace.layout.panes);
    this.row.refresh();
  }

  paneDrawn(pane: Pane): void {
    this.compare.paneDrawn(pane);
  }

  /** Selects a link: its passages are brought into view in the panes that show them. */
  selectLink(id: string): void {
    this.compare.selectLink(id);
  }

  /** Loads the stored suggestions and the text of every pane. */
  async load(): Promise<void> {
    // Texts, annotations and suggestions are fetched together; each pane draws once all are in.
    const ready = Promise.all([this.suggestions.load(), this.annotator.load(), this.links.load()]);
    await Promise.all(this.row.panes.map((p) => p.load(ready)));
    void this.annotator.refreshStatus();
    await this.overviewData
      .load()
      .catch((err: Error) => this.notify(`The overviews could not be loaded: ${err.message}`, 'error'));
  }

  annotationMarks(docId: string, revision: number): AnnotationMark[] {
    return this.annotator.marks(docId, revision);
  }

  annotationMarkOf(annotation: Annotation, docId: string, revision: number): AnnotationMark | undefined {
    return this.annotator.model.markIn(annotation, docId, revision);
  }

  annotationClicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    return this.annotator.clicked(pane, ids, event);
  }

  annotationsMoved(orphaned: number): void {
    this.sync.annotationsMoved(orphaned);
  }

  /** A pane showing `docId`; the active pane switches to it when none does. */
  paneFor(docId: string): Promise<Pane | undefined> {
    return this.row.paneFor(docId);
  }

  linkMarks(docId: string, revision: number): LinkMark[] {
    return this.links.links.flatMap((l) => linkMarks(l, docId, revision, this.workspace.documents));
  }

  linkMarksOf(linkId: string, docId: string, revision: number): LinkMark[] {
    const link = this.links.get(linkId);
    return link ? linkMarks(link, docId, revision, this.workspace.documents) : [];
  }

  linkClicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    return this.linker.clicked(pane, ids, event);
  }

  linksMoved(): void {
    this.sync.linksMoved();
  }

  itemsClicked(pane: Pane, items: ItemsAt, event: MouseEvent): boolean {
    return this.opener.clicked(pane, items, event);
  }

  /** Opens the annotation, link or suggestion at the cursor of the active pane (Alt+Enter, or Enter while reading). */
  openAtCaret(): boolean {
    return this.opener.openAtCaret();
  }

  /** Shows a tab of the side panel (opening the panel) and gives it the keyboard. */
  showPanel(tab: 'links' | 'review'): void {
    if (this.annotator.panel.element.hidden) this.annotator.togglePanel();
    this.annotator.panel.show(tab);
    if (tab === 'review') this.review.focus();
  }

  /** Moves the keyboard focus to the next (1) or previous (-1) pane (F6 / Shift+F6). */
  focusPane(step: 1 | -1): void {
    this.row.focusPane(step);
  }

  suggestionMarks(docId: string, revision: number): SuggestionMark[] {
    return this.suggestions.marks(docId, revision);
  }

  suggestionClicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    // Reading by the caret (the counterparts panel open), a click on suggested text places it (see ItemOpener).
    if (this.compare.counterparts.isOpen) return false;
    return this.suggestions.clicked(pane, ids, event);
  }

  align(): Promise<void> {
    return this.suggestions.align();
  }

  editConcepts(): void {
    void this.concepts.open();
  }

  documents(): DocumentSummary[] {
    return this.workspace.documents;
  }

  paneCount(): number {
    return this.row.panes.length;
  }

  activePane(): Pane | undefined {
    return this.row.activePane();
  }

  activate(pane: Pane): void {
    this.row.activate(pane);
  }

  notify(message: string, kind: 'info' | 'error' = 'info', action?: { label: string; run: () => void }): void {
    this.notices.show(message, kind, action);
  }

  /** Adds a pane after the active one, showing `docId` or else a document not yet on screen if there is one. */
  addPane(docId?: string): void {
    this.row.addPane(docId);
  }

  /** Adds a pane showing `docId` beside the active one, leaving the pane being read as it is. */
  openBeside(docId: string): Promise<Pane | undefined> {
    return this.row.openBeside(docId);
  }

  close(pane: Pane): void {
    this.row.close(pane);
  }

  move(pane: Pane, direction: -1 | 1): void {
    this.row.move(pane, direction);
  }

  documentChosen(): void {
    this.row.refresh();
    this.row.saveLayout();
  }

  documentSaved(source: Pane, docId: string): void {
    this.sync.documentSaved(source, docId);
  }

  hasUnsavedChanges(): boolean {
    return this.row.panes.some((p) => p.hasUnsavedChanges());
  }
}
