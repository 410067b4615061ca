/**
 * One pane: a header with the document's title, authors, venue and year, the pane's
 * controls, and a ProseMirror view. Read-only until the user turns on Edit; edits are
 * saved shortly after typing stops, and before the pane switches document or closes.
 */
import { EditorView } from 'prosemirror-view';
import type { DocumentPayload } from '../../../common/api';
import type { NodeJSON } from '../../../common/model';
import { call } from '../bridge';
import { agree, counted } from '../../../common/wording';
import { h } from '../dom';
import { createPaneState } from '../editor';
import { PaneHeader, type SaveStatus } from './pane-header';
import { setSuggestions, suggestionOrder } from '../editor/suggestions';
import { changeAnnotations, hasAnnotation, setAnnotations } from '../editor/annotations';
import { scrollToAnnotation, scrollToSuggestion, selectedText } from '../editor/selection';
import { scrollToMarked, setRevealed, setSearchHits } from '../editor/passage-marks';
import { changeLinks, linkEndPosition, setLinks } from '../editor/links';
import type { LinkChange } from '../links/link-model';
import type { AnnotationChange } from '../panels/annotation-model';
import { scrollPosIntoView, selectOffsets } from '../editor/selection';
import type { PaneHost, PaneSelection } from './pane-host';
import { PaneSaver } from './pane-saver';
import { confirmReplaceEdits } from '../confirm-dialog';
import { PreLayout } from './pre-layout';

export type { PaneHost, PaneSelection } from './pane-host';

export class Pane {
  readonly element: HTMLElement;
  docId: string;
  editing = false;
  private view?: EditorView;
  private revision = 0;
  private readonly saver: PaneSaver;
  /** Changes not drawn because the text was being edited. */
  private readonly missed = new Set<'annotations' | 'links'>();
  private readonly header: PaneHeader;
  private readonly body: HTMLElement;
  /** The row holding the text and what sits beside it (the overview ruler). */
  private readonly main: HTMLElement;
  /** Lays the text out ahead of the reader while the pane is idle. */
  private readonly preLayout: PreLayout;

  constructor(
    readonly id: string,
    docId: string,
    private readonly host: PaneHost,
  ) {
    this.docId = docId;
    this.header = new PaneHeader({
      choose: (id) => void this.switchTo(id),
      toggleEdit: () => void this.setEditing(!this.editing),
      reload: () => void this.reloadFromSource(),
      move: (direction) => this.host.move(this, direction),
      close: () => this.host.close(this),
    });
    this.body = h('div', { class: 'pane-body', tabindex: '-1' });
    this.main = h('div', { class: 'pane-main' }, this.body);
    this.element = h('section', { class: 'pane', 'data-pane-id': id }, this.header.element, this.main);
    this.element.addEventListener('focusin', () => this.host.activate(this));
    this.element.addEventListener('pointerdown', () => this.host.activate(this));
    const pane = this;
    this.saver = new PaneSaver({
      get docId() {
        return pane.docId;
      },
      get editing() {
        return pane.editing;
      },
      get shownRevision() {
        return pane.revision;
      },
      editorView: () => this.view,
      setStatus: (status) => this.setStatus(status),
      notify: (message, kind, action) => this.host.notify(message, kind, action),
      saved: (result, moved) => this.saved(result, moved),
      load: () => this.load(),
    });
    this.setStatus('read-only');
    this.preLayout = new PreLayout({
      scroller: this.body,
      doc: () => this.view?.dom,
      docSelector: `.pane[data-pane-id="${CSS.escape(id)}"] .pm-doc`,
      status: (done) => (this.element.dataset.laidOut = done ? 'all' : 'pending'),
    });
  }

  /** Re-renders the picker and the move/close buttons after the workspace changed. */
  refreshControls(index: number): void {
    this.header.refresh(this.host.documents(), this.docId, index, this.host.paneCount());
  }

  /**
   * Loads and shows the pane's document. `ready` is what else the first paint needs
   * (the workspace's annotations and suggestions), fetched meanwhile, so the text is
   * drawn once, with its highlights.
   */
  async load(ready?: Promise<unknown>, keepPlace = false): Promise<void> {
    this.body.setAttribute('aria-busy', 'true');
    try {
      const payload = await call('getDocument', { id: this.docId });
      await ready;
      this.render(payload, keepPlace && !!this.view);
    } catch (err) {
      this.body.replaceChildren(
        h('p', { class: 'pane-error' }, `This document could not be opened: ${(err as Error).message}`),
      );
    } finally {
      this.body.removeAttribute('aria-busy');
    }
  }

  /** Draws a document; the same document drawn again (changed elsewhere) keeps the reading place. */
  private render(payload: DocumentPayload, keepPlace = false): void {
    const place = this.body.scrollTop;
    const { meta } = payload;
    this.revision = payload.revision;
    this.element.dataset.docId = payload.id;
    this.header.showMeta(meta);
    let state = createPaneState(payload.doc as NodeJSON, {
      onAnnotationClick: (_view, ids, event) => this.host.annotationClicked(this, ids, event),
      onSuggestionClick: (_view, ids, event) => this.host.suggestionClicked(this, ids, event),
      onLinkClick: (_view, ids, event) => this.host.linkClicked(this, ids, event),
      onItemsClick: (_view, items, event) => this.host.itemsClicked(this, items, event),
      onOpenAtCaret: () => this.host.openAtCaret(),
    });
    // Highlights go into the state before it is drawn: one DOM build, not two.
    state = state.apply(setSuggestions(state, this.host.suggestionMarks(this.docId, this.revision)));
    state = state.apply(setAnnotations(state, this.host.annotationMarks(this.docId, this.revision)));
    state = state.apply(setLinks(state, this.host.linkMarks(this.docId, this.revision)));
    if (this.view) {
      this.view.updateState(state);
    } else {
      const mount = h('div', { class: 'pane-editor' });
      this.body.replaceChildren(mount);
      this.view = new EditorView(mount, {
        state,
        editable: () => this.editing,
        // Focusable while read-only too, for caret browsing and F6 between panes.
        attributes: { class: 'pm-doc', tabindex: '0', 'aria-label': `Text of ${meta.title}` },
        dispatchTransaction: (tr) => {
          if (!this.view) return;
          this.view.updateState(this.view.state.apply(tr));
          if (tr.docChanged) this.saver.markDirty();
        },
      });
    }
    this.view.dom.setAttribute('aria-label', `Text of ${meta.title}`);
    this.body.scrollTop = keepPlace ? place : 0;
    if (!keepPlace) this.preLayout.reset();
    else this.preLayout.changed();
    this.host.paneDrawn?.(this);
  }

  /** The element that scrolls the pane's text. */
  get scroller(): HTMLElement {
    return this.body;
  }

  /** Puts an element beside the text (right of it), such as the overview ruler. */
  addBeside(element: HTMLElement): void {
    this.main.append(element);
  }

  /** The pane's editor, once its document is shown. */
  editorView(): EditorView | undefined {
    return this.view;
  }

  /** The document revision the pane shows. */
  get shownRevision(): number {
    return this.revision;
  }

  /**
   * Draws a change to the workspace's annotations: one put in place or removed, or all of
   * them. While the text has edits not yet saved, the highlights already follow them and
   * are left as they are; the change is drawn after the save, when the annotations are
   * read again.
   */
  showAnnotations(change: AnnotationChange = { kind: 'all' }): void {
    if (!this.view) return;
    if (this.saver.busy) {
      this.missed.add('annotations');
      return;
    }
    const { state } = this.view;
    if (change.kind === 'all') {
      this.view.dispatch(setAnnotations(state, this.host.annotationMarks(this.docId, this.revision)));
    } else if (change.kind === 'remove') {
      if (!hasAnnotation(state, change.id)) return; // another text's: nothing to redraw here
      this.view.dispatch(changeAnnotations(state, { remove: [change.id] }));
    } else {
      const { annotation } = change;
      const mark = this.host.annotationMarkOf(annotation, this.docId, this.revision);
      if (!mark && !hasAnnotation(state, annotation.id)) return;
      this.view.dispatch(changeAnnotations(state, { remove: [annotation.id], add: mark ? [mark] : [] }));
    }
    this.host.paneDrawn?.(this);
  }

  /**
   * Draws a change to the workspace's links: one link put in place or removed, or all of
   * them. While the text has unsaved edits the drawn ends already follow them; the store's
   * offsets refer to the saved text, so they are drawn again after the save.
   */
  showLinks(change: LinkChange = { kind: 'all' }): void {
    if (!this.view) return;
    if (this.saver.busy) {
      this.missed.add('links');
      return;
    }
    const { state } = this.view;
    if (change.kind === 'all') this.view.dispatch(setLinks(state, this.host.linkMarks(this.docId, this.revision)));
    else if (change.kind === 'remove') this.view.dispatch(changeLinks(state, { remove: [change.id] }));
    else {
      const marks = this.host.linkMarksOf(change.link.id, this.docId, this.revision);
      this.view.dispatch(changeLinks(state, { remove: [change.link.id], add: marks }));
    }
  }

  /** Marks one link as the one in focus (drawn strongly), or none. */
  focusLink(id: string | null): void {
    if (this.view) this.view.dispatch(changeLinks(this.view.state, { focus: id }));
  }

  /** Scrolls a link end (`<link id>:<index>`) to the middle of the pane and focuses its link. */
  revealLinkEnd(key: string): boolean {
    const at = this.view && linkEndPosition(this.view.state, key);
    if (!this.view || !at) return false;
    this.focusLink(key.split(':')[0]);
    scrollPosIntoView(this.view, at.from, at.to);
    return true;
  }

  /** Scrolls a range of the text (plain-text offsets) into view and selects it. */
  revealRange(start: number, end: number): void {
    if (this.view) selectOffsets(this.view, start, end);
  }

  /** The text selected in this pane, if any. */
  selection(): PaneSelection | undefined {
    const range = this.view && selectedText(this.view);
    return range && { pane: this, doc: this.docId, revision: this.revision, ...range };
  }

  /** Scrolls to an annotation and marks it as the one in focus; false if it is not in this pane. */
  revealAnnotation(id: string): boolean {
    return !!this.view && scrollToAnnotation(this.view, id);
  }

  /** Scrolls a suggested passage to the middle of the pane; false if it is not in this pane. */
  revealSuggestion(id: string, flash = true): boolean {
    return !!this.view && scrollToSuggestion(this.view, id, flash);
  }

  /**
   * Marks a passage an overview points to (plain-text offsets of the revision shown) and
   * scrolls it to the middle of the pane; false when the pane has no text or the range is
   * outside it. Unlike revealRange, the selection is left alone.
   */
  showPassage(start: number, end: number): boolean {
    if (!this.view || end <= start) return false;
    this.view.dispatch(setRevealed(this.view.state, [start, end]));
    const shown = scrollToMarked(this.view, 'reveal');
    if (shown) {
      this.element.classList.remove('is-revealing');
      void this.element.offsetWidth; // restart the flash
      this.element.classList.add('is-revealing');
    }
    return shown;
  }

  /** Marks search hits (plain-text offsets), the `current` one more strongly and scrolled into view. */
  showSearchHits(ranges: [number, number][], current = -1): void {
    if (!this.view) return;
    this.view.dispatch(setSearchHits(this.view.state, ranges, current));
    if (current >= 0) scrollToMarked(this.view, 'current');
  }

  /** The pane's suggestions in reading order. */
  suggestionIds(): string[] {
    return this.view ? suggestionOrder(this.view.state) : [];
  }

  /** The box of the visible part of a suggested passage on screen. */
  suggestionRect(id: string): DOMRect | undefined {
    return this.visibleBox(this.view?.dom.querySelectorAll(`.sg-id-${CSS.escape(id)}`));
  }

  /**
   * The box around the visible part of some elements of the text (a passage's marks, one
   * per line run), so that a card placed beside it covers none of it; undefined if none shows.
   */
  private visibleBox(elements: NodeListOf<Element> | undefined): DOMRect | undefined {
    if (!elements?.length) return undefined;
    const view = this.body.getBoundingClientRect();
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const el of elements) {
      const r = el.getBoundingClientRect();
      if (r.bottom < view.top || r.top > view.bottom || r.width === 0) continue;
      [left, top] = [Math.min(left, r.left), Math.min(top, Math.max(r.top, view.top))];
      [right, bottom] = [Math.max(right, r.right), Math.max(bottom, Math.min(r.bottom, view.bottom))];
    }
    return left === Infinity ? elements[0].getBoundingClientRect() : new DOMRect(left, top, right - left, bottom - top);
  }

  /** Where an annotation is on screen. */
  annotationRect(id: string): DOMRect | undefined {
    const el = this.view?.dom.querySelector(`[data-annotations~="${CSS.escape(id)}"]`);
    return el?.getBoundingClientRect();
  }

  private async reloadFromSource(): Promise<void> {
    await this.flush();
    try {
      let result = await call('reloadDocument', { id: this.docId });
      if (!result.unchanged && !result.replaced) {
        // The text holds edits made in Parallax: they are replaced only if the analyst says so.
        const title = this.host.documents().find((d) => d.id === this.docId)?.meta.title ?? this.docId;
        if (!(await confirmReplaceEdits(title))) return;
        result = await call('reloadDocument', { id: this.docId, replaceEdits: true });
      }
      if (result.unchanged) {
        this.host.notify('The file has not changed since it was read.');
        return;
      }
      await this.load();
      this.host.documentSaved(this, this.docId);
      this.host.annotationsMoved(result.orphaned);
      this.host.notify(
        (result.edited ? 'Your edits were replaced with the text of its file (Ctrl+Z brings them back). ' : '') +
          `Reloaded from its file. ${counted(result.moved, 'annotation or link end', 'annotations and link ends')} found at a new place` +
          (result.orphaned
            ? `; ${result.orphaned} could not be found and ${agree(result.orphaned, 'is', 'are')} under Orphans.`
            : '.'),
      );
    } catch (err) {
      this.host.notify(`The text could not be reloaded: ${(err as Error).message}`, 'error');
    }
  }

  /** Marks the workspace's suggestions that refer to this revision of the document. */
  showSuggestions(): void {
    if (!this.view) return;
    this.view.dispatch(setSuggestions(this.view.state, this.host.suggestionMarks(this.docId, this.revision)));
    this.host.paneDrawn?.(this);
  }

  /** Shows another document in this pane (saving pending edits first). */
  async switchTo(docId: string): Promise<void> {
    if (docId === this.docId) return;
    await this.flush();
    this.docId = docId;
    this.host.documentChosen(this);
    await this.load();
  }

  /** Turns editing on or off; turning it off saves at once. */
  async setEditing(on: boolean): Promise<void> {
    this.editing = on;
    this.preLayout.setEditing(on);
    this.element.classList.toggle('is-editing', on);
    this.header.showEditing(on);
    this.view?.setProps({});
    if (on) {
      this.setStatus(this.saver.dirty ? 'unsaved' : 'editing');
      this.view?.focus();
    } else {
      await this.flush();
      if (!this.saver.dirty) this.setStatus('read-only');
    }
  }

  /** Reads the document again, at the same place, if this pane has no unsaved edits (it was saved elsewhere). */
  async refreshIfClean(): Promise<void> {
    if (!this.saver.busy) await this.load(undefined, true);
  }

  hasUnsavedChanges(): boolean {
    return this.saver.dirty;
  }

  focus(): void {
    (this.view?.dom ?? this.body).focus();
  }

  private setStatus(status: SaveStatus): void {
    this.header.setStatus(status);
  }

  /** Saves pending edits now and waits until they are stored. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  /** The store took an edit: what else it moved is loaded again, other panes of the document follow. */
  private saved(result: { revision: number; orphaned: number }, moved: { annotations: boolean; links: boolean }): void {
    this.revision = result.revision;
    // What changed while the text was being edited was not drawn: it is read again now.
    if (moved.annotations || this.missed.has('annotations')) this.host.annotationsMoved(result.orphaned);
    if (moved.links || this.missed.has('links')) this.host.linksMoved();
    this.missed.clear();
    this.host.documentSaved(this, this.docId);
  }

  destroy(): void {
    this.saver.cancel();
    this.preLayout.destroy();
    this.view?.destroy();
    this.element.remove();
  }
}
