/**
 * Tagging in the workspace: the floating toolbar over a selection, the tag popover,
 * clicks on highlights, the side panel, undo/redo of annotation and codebook actions,
 * and the indicator of whether everything is on disk.
 */
import type { CallInput, CallName, CallOutput, WorkspacePart } from '../../../common/api';
import type { Annotation, DocumentSummary } from '../../../common/model';
import { bindingOf, keyHint } from '../../../common/keys';
import { call, onEvent, onEventsLost, onEventsOpen, transport } from '../bridge';
import { h } from '../dom';
import type { AnnotationMark } from '../editor/annotations';
import type { Pane, PaneSelection } from '../panes/pane';
import { AnnotationModel } from './annotation-model';
import { docLabel } from '../labels';
import { SidePanel } from './side-panel';
import { TagPopover } from './tag-popover';

/** The keys that tag a selection here: a browser keeps Ctrl+T (new tab), so there only T. */
const TAG_KEYS =
  transport === 'http'
    ? keyHint('annotate.tag', true)
    : `${keyHint('annotate.tag', false)}, or ${bindingOf('annotate.tag')?.selectionKey}`;

/** What the annotator needs from the workspace view. */
export interface AnnotatorHost {
  panes(): Pane[];
  documents(): DocumentSummary[];
  /** A pane showing the document, switching the active pane to it if none does. */
  paneFor(docId: string): Promise<Pane | undefined>;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** Brings what else an undo or redo changed (links, suggestion decisions, topics) up to date. */
  historyStepped(touched: WorkspacePart[]): Promise<void>;
}

export class Annotator {
  readonly model = new AnnotationModel();
  readonly popover: TagPopover;
  readonly panel: SidePanel;
  readonly toolbarButton: HTMLButtonElement;
  readonly saveIndicator: HTMLElement;
  /** The floating toolbar shown over a selection. */
  readonly selectionBar: HTMLElement;
  private lastStoreError?: string;
  private selection?: PaneSelection;

  constructor(private readonly host: AnnotatorHost) {
    this.popover = new TagPopover(this.model);
    this.panel = new SidePanel(this.model, {
      documents: () => host.documents(),
      reveal: (a) => void this.reveal(a),
      reattach: (a) => this.reattach(a),
      deleteAnnotation: (a) => this.mutate('deleteAnnotation', { id: a.id }).then(() => undefined),
      mutate: (name, input) => this.mutate(name, input),
      showTag: (id) => this.panel.filterByTag(id),
    });
    this.toolbarButton = h(
      'button',
      {
        type: 'button',
        class: 'panel-toggle',
        'aria-pressed': 'true',
        title: 'Show or hide annotations (Ctrl+Shift+L)',
      },
      'Annotations',
    );
    this.toolbarButton.addEventListener('click', () => this.togglePanel());
    this.saveIndicator = h(
      'span',
      { class: 'save-indicator', role: 'status', 'data-state': 'saved' },
      'All changes saved',
    );
    const tagButton = h(
      'button',
      { type: 'button', class: 'primary', title: `Tag the selection (${TAG_KEYS})` },
      'Tag…',
    );
    tagButton.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
    tagButton.addEventListener('click', () => this.tagSelection());
    this.selectionBar = h(
      'div',
      { class: 'selection-bar', hidden: true, role: 'toolbar', 'aria-label': 'Selection' },
      tagButton,
    );
    this.model.onChange((change) => {
      for (const pane of host.panes()) pane.showAnnotations(change);
    });
    document.addEventListener('selectionchange', () => this.selectionChanged());
    document.addEventListener('mousedown', (event) => {
      const target = event.target as HTMLElement;
      if (this.popover.isOpen && !this.popover.element.contains(target) && !target.closest('.an')) this.popover.close();
    });
    // The store says when its state changes; asked once whenever the event stream (re)opens.
    onEvent('storeStatus', (status) => this.showStatus(status));
    onEventsOpen(() => void this.refreshStatus());
    onEventsLost(() => this.showUnreachable());
  }

  async load(): Promise<void> {
    try {
      await this.model.load();
    } catch (err) {
      this.host.notify(`Annotations could not be loaded: ${(err as Error).message}`, 'error');
    }
  }

  marks(docId: string, revision: number): AnnotationMark[] {
    return this.model.marks(docId, revision);
  }

  togglePanel(): void {
    const hidden = !this.panel.element.hidden;
    this.panel.element.hidden = hidden;
    this.toolbarButton.setAttribute('aria-pressed', String(!hidden));
  }

  private selectionChanged(): void {
    const pane = this.host.panes().find((p) => {
      const sel = window.getSelection();
      return sel && !sel.isCollapsed && p.element.contains(sel.anchorNode);
    });
    this.selection = pane?.selection();
    if (!this.selection) {
      this.selectionBar.hidden = true;
      return;
    }
    const r = this.selection.rect;
    this.selectionBar.hidden = false;
    this.selectionBar.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - 100))}px`;
    this.selectionBar.style.top = `${Math.max(8, r.top - 40)}px`;
  }

  /**
   * Runs a call that changes annotations or the codebook and applies its result (a call
   * that reaches many annotations — deleting or merging tags — reloads them); reports failures.
   */
  async mutate<K extends CallName>(name: K, input: CallInput<K>): Promise<boolean> {
    try {
      const result = await call(name, input);
      await this.applyResult(name, result);
      void this.refreshStatus();
      return true;
    } catch (err) {
      this.host.notify((err as Error).message, 'error');
      return false;
    }
  }

  private async applyResult<K extends CallName>(name: K, result: CallOutput<K>): Promise<void> {
    switch (name) {
      case 'createAnnotation':
      case 'updateAnnotation':
      case 'reattachAnnotation':
        return this.model.apply(result as CallOutput<'createAnnotation'>);
      case 'deleteAnnotation':
        return this.model.remove((result as CallOutput<'deleteAnnotation'>).id);
      case 'createTag':
      case 'updateTag':
        return this.model.applyTag(result as CallOutput<'createTag'>);
      default:
        return this.model.load();
    }
  }

  /** The text selected in any pane; without one, tells the user what to do. */
  private currentSelection(hint: string): PaneSelection | undefined {
    const sel =
      this.selection ??
      this.host
        .panes()
        .map((p) => p.selection())
        .find(Boolean);
    if (!sel) this.host.notify(hint);
    return sel;
  }

  /** Opens the tag popover for the selected text (T, or Ctrl+T in the desktop app). */
  tagSelection(): void {
    const sel = this.currentSelection(
      `Select a passage in a pane first, then tag it (${keyHint('annotate.tag', transport === 'http')}).`,
    );
    if (!sel) return;
    this.selectionBar.hidden = true;
    const pane = sel.pane;
    this.popover.open({
      near: sel.rect,
      heading: 'Tag passage',
      quote: sel.text,
      tags: [],
      note: '',
      save: async (tags, note) => {
        // An edited text is saved first, so the range refers to the stored revision.
        // The offsets were taken from the text on screen, which is what gets saved.
        await pane.flush();
        const created = await call('createAnnotation', {
          doc: sel.doc,
          revision: pane.shownRevision,
          start: sel.start,
          end: sel.end,
          tags,
          note,
        });
        window.getSelection()?.removeAllRanges();
        this.model.apply(created);
        void this.refreshStatus();
      },
    });
  }

  /** A click on a highlight opens it for editing (the innermost one when they overlap). */
  clicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    if (pane.editing || !window.getSelection()?.isCollapsed) return false;
    const a = this.model.annotations.find((x) => x.id === ids[ids.length - 1]);
    if (!a) return false;
    this.edit(a, pane.annotationRect(a.id) ?? new DOMRect(event.clientX, event.clientY, 1, 1));
    return true;
  }

  /** Opens an annotation for editing near a place on screen (the chooser, the keyboard). */
  open(id: string, near: DOMRect): void {
    const a = this.model.annotations.find((x) => x.id === id);
    if (a) this.edit(a, near);
  }

  private edit(a: Annotation, near: DOMRect): void {
    this.popover.open({
      near,
      heading: 'Edit annotation',
      quote: a.quote.exact,
      tags: a.tags,
      note: a.note,
      save: async (tags, note) => {
        this.model.apply(await call('updateAnnotation', { id: a.id, tags, note }));
      },
      remove: async () => {
        this.model.remove((await call('deleteAnnotation', { id: a.id })).id);
        this.host.notify('Annotation deleted.', 'info', { label: 'Undo', run: () => void this.undo() });
      },
    });
  }

  /** Scrolls a pane to an annotation (opening its document in the active pane if none shows it). */
  async reveal(a: Annotation): Promise<void> {
    const pane = await this.host.paneFor(a.doc);
    if (!pane?.revealAnnotation(a.id)) {
      this.host.notify('This annotation is not in the text shown (it may refer to an older version).', 'error');
    }
  }

  private async reattach(a: Annotation): Promise<void> {
    const sel = this.currentSelection('Select the passage this annotation belongs to in a pane, then press Attach.');
    if (!sel) return;
    await sel.pane.flush();
    if (
      await this.mutate('reattachAnnotation', {
        id: a.id,
        doc: sel.doc,
        revision: sel.pane.shownRevision,
        start: sel.start,
        end: sel.end,
      })
    ) {
      this.host.notify(
        `Attached to “${sel.text.slice(0, 60)}” in ${docLabel(
          this.host.documents().find((d) => d.id === sel.doc),
          sel.doc,
        )}.`,
      );
    }
  }

  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    try {
      const result = await call(direction, {});
      if (!result.label) {
        this.host.notify(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      // Only what the step changed is read again.
      const annotations = result.touched.some((part) => part === 'annotations' || part === 'codebook');
      await Promise.all([annotations && this.model.load(), this.host.historyStepped(result.touched)]);
      const again = direction === 'undo' ? result.redo : result.undo;
      this.host.notify(
        `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}.`,
        'info',
        again
          ? {
              label: direction === 'undo' ? 'Redo' : 'Undo',
              run: () => void this.step(direction === 'undo' ? 'redo' : 'undo'),
            }
          : undefined,
      );
    } catch (err) {
      this.host.notify((err as Error).message, 'error');
    }
  }

  /** Updates the save indicator; a failed write is told once, with what Parallax does about it. */
  async refreshStatus(): Promise<void> {
    try {
      this.showStatus(await call('getStoreStatus', {}));
    } catch {
      this.showUnreachable();
    }
  }

  private showStatus(status: CallOutput<'getStoreStatus'>): void {
    this.saveIndicator.dataset.state = status.state;
    this.saveIndicator.textContent =
      status.state === 'saved' ? 'All changes saved' : status.state === 'pending' ? 'Saving…' : 'Not saved — retrying';
    this.saveIndicator.title =
      status.error ?? (status.savedAt ? `Last saved ${new Date(status.savedAt).toLocaleTimeString()}` : '');
    if (status.error && status.error !== this.lastStoreError) {
      this.host.notify(`${status.error}. Your work is kept and Parallax keeps trying to save it.`, 'error');
    }
    this.lastStoreError = status.error;
  }

  private showUnreachable(): void {
    this.saveIndicator.dataset.state = 'failed';
    this.saveIndicator.textContent = this.saveIndicator.title = 'Parallax is not reachable';
  }
}
