/**
 * The panes side by side: adding, closing, reordering and switching documents, with
 * the layout saved to the workspace after every change.
 */
import type { ImportResult, WorkspacePayload } from '../../../common/api';
import { MAX_PANES, type DocumentSummary } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import type { SuggestionMark } from '../editor/suggestions';
import { Notices } from '../notices';
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
import { FileActions } from '../io/file-actions';
import { ConceptsDialog } from './concepts-dialog';
import { Pane, type PaneHost } from './pane';

export class WorkspaceView implements PaneHost {
  readonly element: HTMLElement;
  private readonly panesElement: HTMLElement;
  private readonly addButton: HTMLButtonElement;
  private panes: Pane[] = [];
  private active?: Pane;
  private nextPaneNumber = 1;
  private layoutSave: Promise<unknown> = Promise.resolve();
  readonly suggestions: SuggestionsView;
  private readonly concepts: ConceptsDialog;
  readonly annotator: Annotator;
  /** The workspace's links, shared by every view that shows them. */
  readonly links = new LinkModel();
  readonly files: FileActions;
  readonly linker: Linker;
  readonly review: ReviewView;
  private readonly linksList: LinksList;
  private readonly opener: ItemOpener;

  constructor(
    private workspace: WorkspacePayload,
    private readonly notices: Notices,
  ) {
    this.addButton = h('button', { type: 'button', class: 'add-pane', title: 'Add a pane (Ctrl+Alt+N)' }, '+ Add pane');
    this.addButton.addEventListener('click', () => this.addPane());
    this.panesElement = h('main', { class: 'panes', 'aria-label': 'Documents side by side' });
    this.suggestions = new SuggestionsView({
      panes: () => this.panes,
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
      panes: () => this.panes,
      documents: () => this.workspace.documents,
      paneFor: (docId) => this.paneFor(docId),
      notify: (message, kind, action) => this.notify(message, kind, action),
      historyStepped: () => Promise.all([this.links.load(), this.suggestions.load()]).then(() => undefined),
    });
    const workspaceHost = {
      panes: () => this.panes,
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
    });
    this.annotator.panel.addTab('links', 'Links', this.linksList, 'codebook');
    this.annotator.panel.addTab('review', 'Review', this.review, 'codebook');
    this.annotator.panel.addOrphans({
      element: this.linksList.orphans,
      orphanCount: () => this.linksList.orphanCount(),
      render: () => this.linksList.render(),
    });
    this.links.onChange((change) => {
      for (const pane of this.panes) pane.showLinks(change);
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
        documentImported: (result) => this.documentImported(result),
        documentDetailsChanged: (summary) => this.documentDetailsChanged(summary),
        activeDocument: () => this.activePane()?.docId,
      },
      notices,
      workArea,
    );
    workArea.prepend(this.panesElement, this.annotator.panel.element);
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
        this.addButton,
        this.annotator.saveIndicator,
        this.annotator.toolbarButton,
      ),
      workArea,
      notices.element,
      ...this.files.elements,
      this.concepts.element,
      this.annotator.popover.element,
      this.suggestions.card.element,
      this.annotator.selectionBar,
      this.linker.dialog.element,
      this.linker.pickBar,
      this.opener.chooser.element,
    );
    for (const state of workspace.layout.panes) this.mountPane(state.id, state.docId);
    this.refresh();
  }

  /** Loads the stored suggestions and the text of every pane. */
  async load(): Promise<void> {
    // Texts, annotations and suggestions are fetched together; each pane draws once all are in.
    const ready = Promise.all([this.suggestions.load(), this.annotator.load(), this.links.load()]);
    await Promise.all(this.panes.map((p) => p.load(ready)));
    void this.annotator.refreshStatus();
  }

  annotationMarks(docId: string, revision: number): AnnotationMark[] {
    return this.annotator.marks(docId, revision);
  }

  annotationClicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    return this.annotator.clicked(pane, ids, event);
  }

  annotationsMoved(orphaned: number): void {
    void this.annotator.load().then(() => {
      if (orphaned > 0) {
        this.notify(
          `${orphaned} annotation${orphaned === 1 ? '' : 's'} lost ${orphaned === 1 ? 'its' : 'their'} text in this edit and ${orphaned === 1 ? 'is' : 'are'} listed under Orphans.`,
          'info',
          { label: 'Show', run: () => this.annotator.panel.show('orphans') },
        );
      }
    });
  }

  /** A pane showing `docId`; the active pane switches to it when none does. */
  async paneFor(docId: string): Promise<Pane | undefined> {
    const showing = this.panes.find((p) => p.docId === docId);
    if (showing) return showing;
    const pane = this.activePane();
    if (!pane) return undefined;
    await pane.switchTo(docId);
    return pane;
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
    void this.links.load().catch((err: Error) => this.notify(`Links could not be loaded: ${err.message}`, 'error'));
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
    if (!this.panes.length) return;
    const at = this.active ? this.panes.indexOf(this.active) : -1;
    const next = this.panes[(at + step + this.panes.length) % this.panes.length];
    this.activate(next);
    next.focus();
  }

  suggestionMarks(docId: string, revision: number): SuggestionMark[] {
    return this.suggestions.marks(docId, revision);
  }

  suggestionClicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
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
    return this.panes.length;
  }

  activePane(): Pane | undefined {
    return this.active ?? this.panes[0];
  }

  activate(pane: Pane): void {
    if (this.active === pane) return;
    this.active?.element.classList.remove('is-active');
    this.active = pane;
    pane.element.classList.add('is-active');
  }

  notify(message: string, kind: 'info' | 'error' = 'info', action?: { label: string; run: () => void }): void {
    this.notices.show(message, kind, action);
  }

  private mountPane(id: string, docId: string, at = this.panes.length): Pane {
    const n = Number(/^pane-(\d+)$/.exec(id)?.[1] ?? 0);
    this.nextPaneNumber = Math.max(this.nextPaneNumber, n + 1);
    const pane = new Pane(id, docId, this);
    this.panes.splice(at, 0, pane);
    return pane;
  }

  /** Re-renders pane order and controls. */
  private refresh(): void {
    this.panesElement.replaceChildren(...this.panes.map((p) => p.element));
    this.panesElement.style.setProperty('--pane-count', String(this.panes.length));
    this.panes.forEach((p, i) => p.refreshControls(i));
    this.addButton.disabled = this.panes.length >= MAX_PANES;
    this.addButton.title = this.panes.length >= MAX_PANES ? `At most ${MAX_PANES} panes` : 'Add a pane (Ctrl+Alt+N)';
  }

  private saveLayout(): void {
    const panes = this.panes.map((p) => ({ id: p.id, docId: p.docId }));
    this.layoutSave = this.layoutSave
      .then(() => call('saveLayout', { panes }))
      .catch((err: Error) => this.notify(`The pane layout was not saved: ${err.message}`, 'error'));
  }

  /** Adds a pane after the active one, showing `docId` or else a document not yet on screen if there is one. */
  addPane(docId?: string): void {
    if (this.panes.length >= MAX_PANES) {
      this.notify(`Parallax shows at most ${MAX_PANES} panes side by side.`);
      return;
    }
    const shown = new Set(this.panes.map((p) => p.docId));
    const doc =
      this.workspace.documents.find((d) => d.id === docId) ??
      this.workspace.documents.find((d) => !shown.has(d.id)) ??
      this.workspace.documents[0];
    if (!doc) return;
    const at = this.active ? this.panes.indexOf(this.active) + 1 : this.panes.length;
    const pane = this.mountPane(`pane-${this.nextPaneNumber}`, doc.id, at);
    this.refresh();
    this.saveLayout();
    this.activate(pane);
    void pane.load().then(() => pane.focus());
  }

  close(pane: Pane): void {
    if (this.panes.length <= 1) return;
    void pane.flush().then(() => {
      const index = this.panes.indexOf(pane);
      if (index < 0) return;
      this.panes.splice(index, 1);
      pane.destroy();
      if (this.active === pane) this.active = undefined;
      this.refresh();
      this.saveLayout();
      const next = this.panes[Math.min(index, this.panes.length - 1)];
      this.activate(next);
      next.focus();
    });
  }

  move(pane: Pane, direction: -1 | 1): void {
    const index = this.panes.indexOf(pane);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= this.panes.length) return;
    [this.panes[index], this.panes[target]] = [this.panes[target], this.panes[index]];
    this.refresh();
    this.saveLayout();
    pane.focus();
  }

  /** An import added a document (shown in a new pane, or the active one when the row is full) or replaced one. */
  async documentImported(result: ImportResult): Promise<void> {
    const { document: doc } = result;
    const known = this.workspace.documents.findIndex((d) => d.id === doc.id);
    if (known >= 0) this.workspace.documents[known] = doc;
    else this.workspace.documents.push(doc);
    if (result.replaced) {
      await Promise.all([this.annotator.load(), this.links.load()]);
      await Promise.all(this.panes.filter((p) => p.docId === doc.id).map((p) => p.load()));
      this.refresh();
      return;
    }
    if (this.panes.length < MAX_PANES) {
      this.addPane(doc.id);
      // The row scrolls sideways when narrow: bring the new pane into view.
      this.panes.find((p) => p.docId === doc.id)?.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      this.refresh();
      await this.paneFor(doc.id);
    }
  }

  documentDetailsChanged(summary: DocumentSummary): void {
    const known = this.workspace.documents.findIndex((d) => d.id === summary.id);
    if (known >= 0) this.workspace.documents[known] = summary;
    for (const pane of this.panes) if (pane.docId === summary.id) void pane.refreshIfClean();
    this.refresh();
  }

  documentChosen(): void {
    this.refresh();
    this.saveLayout();
  }

  documentSaved(source: Pane, docId: string): void {
    for (const pane of this.panes) if (pane !== source && pane.docId === docId) void pane.refreshIfClean();
  }

  hasUnsavedChanges(): boolean {
    return this.panes.some((p) => p.hasUnsavedChanges());
  }
}
