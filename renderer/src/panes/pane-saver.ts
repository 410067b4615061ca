/**
 * Saving a pane's edits: shortly after typing stops, at once before the pane switches
 * document or closes, again with a growing wait after a failure, and never twice at the
 * same time. Annotations and link ends go with the text, at the ranges the editor mapped
 * them to (or listed as lost where the edit deleted them).
 */
import type { EditorView } from 'prosemirror-view';
import type { NodeJSON } from '../../../common/model';
import { BridgeError, call } from '../bridge';
import { annotationAnchors } from '../editor/annotations';
import { linkAnchors } from '../editor/links';
import type { SaveStatus } from './pane-header';

/** How long typing must pause before an edit is saved. */
const SAVE_DELAY_MS = 500;

/** What the saver reads of its pane and tells it. */
export interface SavedPane {
  readonly docId: string;
  readonly editing: boolean;
  editorView(): EditorView | undefined;
  /** The revision the text on screen was loaded or last saved as. */
  readonly shownRevision: number;
  setStatus(status: SaveStatus): void;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** The store took the edit: the new revision, and whether annotations or links went with it. */
  saved(result: { revision: number; orphaned: number }, moved: { annotations: boolean; links: boolean }): void;
  /** Shows the stored text again (after a conflict, the user's edits dropped). */
  load(): Promise<void>;
}

export class PaneSaver {
  /** Edits on screen not yet stored. */
  dirty = false;
  private saving?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private retryDelay = 2000;

  constructor(private readonly pane: SavedPane) {}

  /** True while the text on screen differs from the stored one, or is being stored. */
  get busy(): boolean {
    return this.dirty || !!this.saving;
  }

  /** The text was edited: save once typing pauses. */
  markDirty(): void {
    this.dirty = true;
    this.pane.setStatus('unsaved');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves pending edits now and waits until they are stored. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.saving) await this.saving;
    if (this.dirty) await this.save();
  }

  private async save(): Promise<void> {
    const view = this.pane.editorView();
    if (!view) return;
    if (this.saving) {
      await this.saving;
      if (this.dirty) return this.save();
      return;
    }
    const doc = view.state.doc;
    const annotationMoves = annotationAnchors(view.state);
    const linkMoves = linkAnchors(view.state);
    const anchors = [...annotationMoves.anchors, ...linkMoves.anchors];
    const lost = [...annotationMoves.lost, ...linkMoves.lost];
    this.pane.setStatus('saving');
    this.saving = (async () => {
      try {
        const result = await call('saveDocument', {
          id: this.pane.docId,
          doc: doc.toJSON() as NodeJSON,
          baseRevision: this.pane.shownRevision,
          anchors,
          lost,
        });
        this.retryDelay = 2000;
        if (this.pane.editorView()?.state.doc.eq(doc)) {
          this.dirty = false;
          this.pane.setStatus(this.pane.editing ? 'saved' : 'read-only');
        }
        this.pane.saved(result, {
          annotations: annotationMoves.anchors.length > 0 || annotationMoves.lost.length > 0,
          links: linkMoves.anchors.length > 0 || linkMoves.lost.length > 0,
        });
      } catch (err) {
        this.pane.setStatus('failed');
        if (err instanceof BridgeError && err.code === 'conflict') {
          this.pane.notify(err.message, 'error', { label: 'Reload', run: () => void this.discardAndReload() });
        } else {
          this.pane.notify(`Your edit was not saved: ${(err as Error).message}. Parallax will try again.`, 'error');
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.save(), this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, 30_000);
        }
      }
    })();
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  private async discardAndReload(): Promise<void> {
    this.dirty = false;
    clearTimeout(this.timer);
    await this.pane.load();
    this.pane.setStatus(this.pane.editing ? 'editing' : 'read-only');
  }

  /** Stops a pending save (the pane is going away). */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
