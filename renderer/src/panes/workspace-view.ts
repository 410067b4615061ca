/**
 * The panes side by side: adding, closing, reordering and switching documents, with
 * the layout saved to the workspace after every change.
 */
import type { WorkspacePayload } from '../../../common/api';
import { MAX_PANES, type DocumentSummary } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import type { SuggestionMark } from '../editor/suggestions';
import { Notices } from '../notices';
import type { AnnotationMark } from '../editor/annotations';
import { LinkModel } from '../links/link-model';
import { Annotator } from '../panels/annotator';
import { SuggestionsView } from '../panels/suggestions-view';
import { Comparison } from '../compare';
import { PaneLayout } from '../compare/layout';
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
  /** Curves, rulers and panes in step. */
  readonly compare: Comparison;
  private readonly layout: PaneLayout;

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
    this.compare = new Comparison({
      panes: () => this.panes,
      links: this.links,
      annotations: () => this.annotator.model,
      suggestions: () => this.suggestions.all(),
      focusedSuggestion: () => this.suggestions.focused(),
      documents: () => this.workspace.documents,
      openBeside: (docId) => this.openBeside(docId),
      notify: (message, kind) => this.notify(message, kind),
    });
    const workArea = h('div', { class: 'work-area' }, this.panesElement, this.annotator.panel.element);
    this.element = h(
      'div',
      { class: 'workspace' },
      h(
        'nav',
        { class: 'toolbar', 'aria-label': 'Workspace' },
        h('span', { class: 'brand' }, 'Parallax'),
        h('span', { class: 'workspace-name' }, workspace.name),
        h('span', { class: 'spacer' }),
        this.suggestions.legend,
        this.suggestions.status,
        this.suggestions.progress,
        this.suggestions.alignButton,
        conceptsButton,
        this.compare.stepButton,
        this.compare.counterparts.toggleButton,
        this.addButton,
        this.annotator.saveIndicator,
        this.annotator.toolbarButton,
      ),
      workArea,
      this.compare.counterparts.element,
      this.compare.curves.element,
      notices.element,
      this.concepts.element,
      this.annotator.popover.element,
      this.suggestions.card.element,
      this.annotator.selectionBar,
    );
    this.layout = new PaneLayout({
      workArea,
      panes: this.panesElement,
      panel: this.annotator.panel.element,
      panelButton: this.annotator.toolbarButton,
      paneCount: () => this.panes.length,
    });
    this.compare.observe(this.panesElement, this.suggestions.card.element);
    for (const state of workspace.layout.panes) this.mountPane(state.id, state.docId);
    this.refresh();
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
    this.layout.update();
    this.compare.panesChanged();
  }

  private saveLayout(): void {
    const panes = this.panes.map((p) => ({ id: p.id, docId: p.docId }));
    this.layoutSave = this.layoutSave
      .then(() => call('saveLayout', { panes }))
      .catch((err: Error) => this.notify(`The pane layout was not saved: ${err.message}`, 'error'));
  }

  /** Adds a pane after the active one, showing a document not yet on screen if there is one. */
  addPane(): void {
    if (this.panes.length >= MAX_PANES) {
      this.notify(`Parallax shows at most ${MAX_PANES} panes side by side.`);
      return;
    }
    const shown = new Set(this.panes.map((p) => p.docId));
    const doc = this.workspace.documents.find((d) => !shown.has(d.id)) ?? this.workspace.documents[0];
    if (!doc) return;
    const at = this.active ? this.panes.indexOf(this.active) + 1 : this.panes.length;
    const pane = this.mountPane(`pane-${this.nextPaneNumber}`, doc.id, at);
    this.refresh();
    this.saveLayout();
    this.activate(pane);
    void pane.load().then(() => pane.focus());
  }

  /**
   * Adds a pane showing `docId` just after the active one, leaving the pane being read
   * as it is; the active pane stays active.
   */
  async openBeside(docId: string): Promise<Pane | undefined> {
    if (this.panes.length >= MAX_PANES) {
      this.notify(`Parallax shows at most ${MAX_PANES} panes side by side: close one to open this text beside.`);
      return undefined;
    }
    const at = this.active ? this.panes.indexOf(this.active) + 1 : this.panes.length;
    const pane = this.mountPane(`pane-${this.nextPaneNumber}`, docId, at);
    this.refresh();
    this.saveLayout();
    await pane.load();
    return pane;
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
