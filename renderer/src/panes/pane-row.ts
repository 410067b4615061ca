/**
 * The row of panes side by side: which panes there are and in what order, which one is
 * active, adding (after the active one, or beside it without replacing it), closing and
 * moving panes, and saving the layout to the workspace after every change.
 */
import { MAX_PANES, type DocumentSummary } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import type { Pane } from './pane';

/** What the row needs from the workspace around it. */
export interface PaneRowHost {
  documents(): DocumentSummary[];
  notify(message: string, kind?: 'info' | 'error'): void;
  /** A new pane (not yet in the row). */
  createPane(id: string, docId: string): Pane;
  /** The row was redrawn (panes added, closed, moved, or switched document). */
  rowChanged(): void;
}

export class PaneRow {
  /** The panes' container. */
  readonly element: HTMLElement;
  /** The toolbar's "+ Add pane". */
  readonly addButton: HTMLButtonElement;
  panes: Pane[] = [];
  private active?: Pane;
  private nextPaneNumber = 1;
  private layoutSave: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: PaneRowHost) {
    // "+ Pane" in a narrow window (styles/compare.css); its name is the same either way.
    this.addButton = h(
      'button',
      { type: 'button', class: 'add-pane', title: 'Add a pane (Ctrl+Alt+N)', 'aria-label': 'Add pane' },
      h('span', { class: 'wide-label' }, '+ Add pane'),
      h('span', { class: 'narrow-label' }, '+ Pane'),
    );
    this.addButton.addEventListener('click', () => this.addPane());
    this.element = h('main', { class: 'panes', 'aria-label': 'Documents side by side' });
  }

  /** Puts the panes of a saved layout in place (not yet loaded). */
  restore(layout: { id: string; docId: string }[]): void {
    for (const state of layout) this.mount(state.id, state.docId);
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

  /** Moves the keyboard focus to the next (1) or previous (-1) pane (F6 / Shift+F6). */
  focusPane(step: 1 | -1): void {
    if (!this.panes.length) return;
    const at = this.active ? this.panes.indexOf(this.active) : -1;
    const next = this.panes[(at + step + this.panes.length) % this.panes.length];
    this.activate(next);
    next.focus();
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

  private mount(id: string, docId: string, at = this.panes.length): Pane {
    const n = Number(/^pane-(\d+)$/.exec(id)?.[1] ?? 0);
    this.nextPaneNumber = Math.max(this.nextPaneNumber, n + 1);
    const pane = this.host.createPane(id, docId);
    this.panes.splice(at, 0, pane);
    return pane;
  }

  /** Re-renders pane order and controls; each pane keeps its reading place. */
  refresh(): void {
    const order = this.panes.map((p) => p.element);
    const children = [...this.element.children];
    if (children.length !== order.length || children.some((el, i) => el !== order[i])) {
      // Taking an element out of the page forgets how far it was scrolled.
      const places = this.panes.map((p) => p.scroller.scrollTop);
      this.element.replaceChildren(...order);
      this.panes.forEach((p, i) => (p.scroller.scrollTop = places[i]));
    }
    this.element.style.setProperty('--pane-count', String(this.panes.length));
    this.panes.forEach((p, i) => p.refreshControls(i));
    this.addButton.disabled = this.panes.length >= MAX_PANES;
    this.addButton.title = this.panes.length >= MAX_PANES ? `At most ${MAX_PANES} panes` : 'Add a pane (Ctrl+Alt+N)';
    this.host.rowChanged();
  }

  /** Saves which document each pane shows, in order, after the saves asked before. */
  saveLayout(): void {
    const panes = this.panes.map((p) => ({ id: p.id, docId: p.docId }));
    this.layoutSave = this.layoutSave
      .then(() => call('saveLayout', { panes }))
      .catch((err: Error) => this.host.notify(`The pane layout was not saved: ${err.message}`, 'error'));
  }

  /** Adds a pane after the active one, showing `docId` or else a document not yet on screen if there is one. */
  addPane(docId?: string): void {
    if (this.panes.length >= MAX_PANES) {
      this.host.notify(`Parallax shows at most ${MAX_PANES} panes side by side.`);
      return;
    }
    const documents = this.host.documents();
    const shown = new Set(this.panes.map((p) => p.docId));
    const doc = documents.find((d) => d.id === docId) ?? documents.find((d) => !shown.has(d.id)) ?? documents[0];
    if (!doc) return;
    const at = this.active ? this.panes.indexOf(this.active) + 1 : this.panes.length;
    const pane = this.mount(`pane-${this.nextPaneNumber}`, doc.id, at);
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
      this.host.notify(`Parallax shows at most ${MAX_PANES} panes side by side: close one to open this text beside.`);
      return undefined;
    }
    const at = this.active ? this.panes.indexOf(this.active) + 1 : this.panes.length;
    const pane = this.mount(`pane-${this.nextPaneNumber}`, docId, at);
    this.refresh();
    this.saveLayout();
    await pane.load();
    return pane;
  }

  /** Closes a pane once its edits are saved; the last pane stays. */
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

  /** Moves a pane one place left (-1) or right (1). */
  move(pane: Pane, direction: -1 | 1): void {
    const index = this.panes.indexOf(pane);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= this.panes.length) return;
    [this.panes[index], this.panes[target]] = [this.panes[target], this.panes[index]];
    this.refresh();
    this.saveLayout();
    pane.focus();
  }
}
