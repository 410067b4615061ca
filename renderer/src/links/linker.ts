/**
 * Making and changing links in the workspace. L (or Link… on the selection bar) takes
 * the selected passage; selecting the partner in another pane (mouse) or pressing L on
 * it (keyboard) opens the link dialog with both. A click on a linked passage opens its
 * link. Every change goes through one contract call whose result is applied to the
 * link model (and so to the panes and lists); all are in the workspace's undo history.
 */
import type { CallInput, CallName, CallOutput } from '../../../common/api';
import { linkEndKey, type DocumentSummary, type Link, type Relation } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import { rememberFocus, type FocusReturn } from '../focus-return';
import { clip, docLabel } from '../labels';
import type { AnnotationModel } from '../panels/annotation-model';
import type { Pane, PaneSelection } from '../panes/pane';
import { LinkDialog, type PassageView } from './link-dialog';
import type { LinkModel } from './link-model';

export interface LinkerHost {
  panes(): Pane[];
  documents(): DocumentSummary[];
  paneFor(docId: string): Promise<Pane | undefined>;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** Undoes the last action of the workspace's history (server side). */
  undo(): void;
}

/** A passage picked for a new link. */
type Picked = PaneSelection;

export class Linker {
  readonly dialog: LinkDialog;
  /** The bar that says a passage is waiting for its partner. */
  readonly pickBar: HTMLElement;
  private readonly pickText: HTMLElement;
  private picked: Picked[] = [];
  private picking = false;

  constructor(
    readonly model: LinkModel,
    annotations: AnnotationModel,
    private readonly host: LinkerHost,
  ) {
    this.dialog = new LinkDialog(annotations);
    this.pickText = h('span', { class: 'pick-text' });
    const cancel = h('button', { type: 'button', title: 'Stop linking (Esc)' }, 'Cancel');
    cancel.addEventListener('click', () => this.cancelPick());
    this.pickBar = h(
      'div',
      { class: 'pick-bar', role: 'status', hidden: true, 'aria-label': 'Linking' },
      this.pickText,
      cancel,
    );
    model.onChange(() => this.refreshDialog());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.picking && !this.dialog.isOpen) this.cancelPick();
    });
    // Selecting the partner with the mouse finishes the pick.
    document.addEventListener('mouseup', (event) => {
      if (!this.picking || !(event.target as Element | null)?.closest?.('.pane')) return;
      setTimeout(() => {
        if (this.picking && this.selection()) this.start();
      }, 0);
    });
  }

  private label(docId: string): string {
    return docLabel(
      this.host.documents().find((d) => d.id === docId),
      docId,
    );
  }

  private selection(): PaneSelection | undefined {
    return this.host
      .panes()
      .map((p) => p.selection())
      .find(Boolean);
  }

  /**
   * L: takes the selected passage. The first waits for its partner; the second opens the
   * dialog; while a new link's dialog is open, another is added to it.
   */
  start(): void {
    const sel = this.selection();
    if (this.dialog.isOpen && !this.dialog.linkId) {
      if (sel) this.addPicked(sel);
      return;
    }
    if (!sel) {
      this.host.notify(
        this.picking
          ? 'Select the partner passage in another pane, then press L.'
          : 'Select a passage in a pane first, then press L (or Link…) and select its partner.',
      );
      return;
    }
    if (!this.picking) {
      this.picked = [sel];
      this.picking = true;
      this.pickText.textContent = `Linking “${clip(sel.text, 70)}” (${this.label(sel.doc)}): select the partner passage in another pane, or press L on it. Esc cancels.`;
      this.pickBar.hidden = false;
      window.getSelection()?.removeAllRanges();
      return;
    }
    // Taken before the selection is cleared: the dialog gives the keyboard back to this passage.
    const cameFrom = rememberFocus();
    if (!this.addPicked(sel)) return;
    this.picking = false;
    this.pickBar.hidden = true;
    this.openNew(sel.rect, cameFrom);
  }

  private addPicked(sel: Picked): boolean {
    if (this.picked.some((p) => p.doc === sel.doc && p.start === sel.start && p.end === sel.end)) {
      this.host.notify('That passage is already in the link: select another one.');
      return false;
    }
    this.picked.push(sel);
    window.getSelection()?.removeAllRanges();
    if (this.dialog.isOpen) this.dialog.showPassages(this.pickedViews());
    return true;
  }

  private cancelPick(): void {
    this.picking = false;
    this.picked = [];
    this.pickBar.hidden = true;
  }

  private pickedViews(): PassageView[] {
    return this.picked.map((p) => ({ label: this.label(p.doc), text: p.text }));
  }

  private openNew(near: DOMRect, returnFocus?: FocusReturn): void {
    this.dialog.open({
      near,
      returnFocus,
      relation: 'agree',
      tags: [],
      note: '',
      passages: this.pickedViews(),
      save: async (relation, tags, note) => {
        // Edited texts are saved first, so the ranges refer to the stored revisions.
        await Promise.all([...new Set(this.picked.map((p) => p.pane))].map((p) => p.flush()));
        const ends = this.picked.map((p) => ({
          doc: p.doc,
          revision: p.pane.docId === p.doc ? p.pane.shownRevision : p.revision,
          start: p.start,
          end: p.end,
        }));
        const link = await call('createLink', { relation, ends, tags, note });
        this.model.apply(link);
        this.picked = [];
        this.host.notify(`Link saved: ${ends.length} passages ${RELATION_TEXT[relation]}.`, 'info', {
          label: 'Undo',
          run: () => this.host.undo(),
        });
      },
      goTo: (i) => {
        const p = this.picked[i];
        if (p) void this.host.paneFor(p.doc).then((pane) => pane?.revealRange(p.start, p.end));
      },
      removePassage: async (i) => {
        this.picked.splice(i, 1);
        this.dialog.showPassages(this.pickedViews());
      },
      addSelection: async () => {
        const sel = this.selection();
        if (!sel) throw new Error('Select a passage in a pane first.');
        this.addPicked(sel);
      },
      closed: () => {
        this.picked = [];
      },
    });
  }

  /** Opens an existing link near a place on screen. */
  open(id: string, near: DOMRect): void {
    const link = this.model.get(id);
    if (!link) return;
    this.cancelPick();
    for (const pane of this.host.panes()) pane.focusLink(id);
    this.dialog.open({
      near,
      linkId: id,
      relation: link.relation,
      tags: link.tags,
      note: link.note,
      passages: this.endViews(link),
      save: async (relation, tags, note) => {
        const current = this.model.get(id);
        if (!current) throw new Error('This link no longer exists.');
        if (current.relation === relation && current.note === note && sameTags(current.tags, tags)) return;
        await this.mutate('updateLink', { id, relation, tags, note });
      },
      goTo: (i) => void this.goTo(id, i),
      removePassage: async (i) => void (await this.mutate('removeLinkEnd', { id, index: i })),
      addSelection: async () => {
        const sel = this.selection();
        if (!sel) throw new Error('Select the passage to add in a pane first.');
        await sel.pane.flush();
        await this.mutate('addLinkEnd', {
          id,
          doc: sel.doc,
          revision: sel.pane.shownRevision,
          start: sel.start,
          end: sel.end,
        });
        window.getSelection()?.removeAllRanges();
      },
      remove: async () => {
        await call('deleteLink', { id });
        this.model.remove(id);
        this.host.notify('Link deleted.', 'info', { label: 'Undo', run: () => this.host.undo() });
      },
      closed: () => {
        for (const pane of this.host.panes()) pane.focusLink(null);
      },
    });
  }

  /** A click on linked text opens the innermost link (not while editing or selecting). */
  clicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    if (pane.editing || !window.getSelection()?.isCollapsed) return false;
    const el = (event.target as Element | null)?.closest?.('.lk');
    this.open(ids[0], el?.getBoundingClientRect() ?? new DOMRect(event.clientX, event.clientY, 1, 1));
    return true;
  }

  /** Brings one passage of a link into view (opening its document in the active pane if none shows it). */
  async goTo(id: string, index: number): Promise<void> {
    const link = this.model.get(id);
    const end = link?.ends[index];
    if (!link || !end) return;
    if (end.orphan) {
      this.host.notify('This passage could not be found in the text; re-attach it under Orphans.', 'error');
      return;
    }
    const pane = await this.host.paneFor(end.doc);
    if (!pane?.revealLinkEnd(linkEndKey(id, index))) {
      this.host.notify('That passage is not in the text as it is shown (it may be an older version).', 'error');
    }
  }

  /** Points an orphaned (or wrong) link end at the passage selected in a pane. */
  async reattach(id: string, index: number): Promise<void> {
    const sel = this.selection();
    if (!sel) {
      this.host.notify('Select the passage this link end belongs to in a pane, then press Attach.');
      return;
    }
    await sel.pane.flush();
    const ok = await this.mutate('reattachLinkEnd', {
      id,
      index,
      doc: sel.doc,
      revision: sel.pane.shownRevision,
      start: sel.start,
      end: sel.end,
    }).catch((err: Error) => this.host.notify(err.message, 'error'));
    if (ok) this.host.notify(`Attached to “${clip(sel.text, 60)}” in ${this.label(sel.doc)}.`);
  }

  /** Runs a call that returns the changed link and applies it. */
  async mutate<K extends 'updateLink' | 'addLinkEnd' | 'removeLinkEnd' | 'reattachLinkEnd'>(
    name: K,
    input: CallInput<K>,
  ): Promise<Link> {
    const link = (await call(name as CallName, input as never)) as CallOutput<K>;
    this.model.apply(link);
    return link;
  }

  private endViews(link: Link): PassageView[] {
    return link.ends.map((e) => ({ label: this.label(e.doc), text: e.quote.exact, orphan: e.orphan }));
  }

  /** Keeps an open link's passages current (a passage added, undo, a reload); closes it if it is gone. */
  private refreshDialog(): void {
    const id = this.dialog.linkId;
    if (!this.dialog.isOpen || !id) return;
    const link = this.model.get(id);
    if (!link) this.dialog.close();
    else this.dialog.showPassages(this.endViews(link));
  }
}

const RELATION_TEXT: Record<Relation, string> = {
  agree: 'that agree',
  conflict: 'in conflict',
  related: 'related',
};

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
