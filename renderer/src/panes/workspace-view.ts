/**
 * The panes side by side: adding, closing, reordering and switching documents, with
 * the layout saved to the workspace after every change.
 */
import type { WorkspacePayload } from '../../../common/api';
import { MAX_PANES, type DocumentSummary } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import { Notices } from '../notices';
import { Pane, type PaneHost } from './pane';

export class WorkspaceView implements PaneHost {
  readonly element: HTMLElement;
  private readonly panesElement: HTMLElement;
  private readonly addButton: HTMLButtonElement;
  private panes: Pane[] = [];
  private active?: Pane;
  private nextPaneNumber = 1;
  private layoutSave: Promise<unknown> = Promise.resolve();

  constructor(
    private workspace: WorkspacePayload,
    private readonly notices: Notices,
  ) {
    this.addButton = h('button', { type: 'button', class: 'add-pane', title: 'Add a pane (Ctrl+Alt+N)' }, '+ Add pane');
    this.addButton.addEventListener('click', () => this.addPane());
    this.panesElement = h('main', { class: 'panes', 'aria-label': 'Documents side by side' });
    this.element = h(
      'div',
      { class: 'workspace' },
      h(
        'nav',
        { class: 'toolbar', 'aria-label': 'Workspace' },
        h('span', { class: 'brand' }, 'Parallax'),
        h('span', { class: 'workspace-name' }, workspace.name),
        h('span', { class: 'spacer' }),
        this.addButton,
      ),
      this.panesElement,
      notices.element,
    );
    for (const state of workspace.layout.panes) this.mountPane(state.id, state.docId);
    this.refresh();
  }

  /** Loads the text of every pane. */
  async load(): Promise<void> {
    await Promise.all(this.panes.map((p) => p.load()));
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
