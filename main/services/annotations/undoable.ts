/**
 * The one undo history of a workspace's analysis actions (tags, annotations, links,
 * suggestion decisions), shared by every service that changes them, so Ctrl+Z undoes
 * the last of them whichever it was.
 */
import type { HistoryState, WorkspacePart } from '../../../common/api';
import type { DocumentRecord, WorkspaceFile } from '../../../common/model';
import type { WorkspaceStore } from '../store/workspace-store';
import { attach, reanchorAnnotation, textOf } from './anchors';
import { applyChange, ChangeHistory, ChangeRecorder, takeLiveStates, UNDOABLE, type Change } from './history';
import { applyTextStates, checkTextStep, reanchorTexts } from './text-history';
import { mapRange, textEdits } from './text-mapping';

export interface Undoable {
  /** Runs an undoable action on the workspace and records what it touched. */
  act<T>(label: string, run: (data: WorkspaceFile, touch: ChangeRecorder) => T): Promise<T>;
  /** Undoes or redoes the last action; says what was done and what is next. */
  step(direction: 'undo' | 'redo'): Promise<HistoryState>;
  /**
   * The text of `record` changed from `before` (revision `from`) to its current text:
   * the ranges kept in the history follow, like the live ones (call inside the update).
   */
  textChanged(record: DocumentRecord, from: number, before: string, after: string): void;
}

/** Creates the undo history of one open workspace. */
export function createUndoable(store: WorkspaceStore): Undoable {
  const history = new ChangeHistory();
  return {
    act: (label, run) =>
      store.update((data) => {
        const touch = new ChangeRecorder(data);
        const result = run(data, touch);
        history.record(touch.finish(label));
        return result;
      }),

    textChanged(record, from, before, after) {
      const states = [...history.anchoredStates()].filter(
        (a) => a.doc === record.id && !a.orphan && a.revision === from,
      );
      if (!states.length) return;
      const edits = textEdits(before, after);
      // Edits too large to find cheaply leave the states behind; a step then finds them by quote.
      if (!edits) return;
      for (const a of states) {
        const range = mapRange(edits, a.start, a.end);
        if (range) attach(a, record, after, range.start, range.end);
        else a.orphan = true; // its whole text was deleted, as a live range would be
      }
    },

    async step(direction) {
      const texts = history.peek(direction)?.texts ?? [];
      try {
        checkTextStep(store.data, texts, direction);
      } catch (err) {
        history.drop(direction);
        throw err;
      }
      const change = direction === 'undo' ? history.takeUndo() : history.takeRedo();
      if (change) {
        await store.update((data) => {
          takeLiveStates(data, change, direction);
          applyTextStates(data, texts, direction);
          const restored = applyChange(data, change, direction);
          const anchored = [...restored.annotations, ...restored.links.flatMap((l) => l.ends)];
          // A restored range may refer to a revision the text has moved on from.
          for (const a of anchored) {
            const record = data.documents.find((d) => d.id === a.doc);
            if (record && !a.orphan && a.revision !== record.revision) reanchorAnnotation(a, record, textOf(record));
          }
          reanchorTexts(data, texts);
        });
      }
      const next = history.labels();
      return {
        label: change?.label ?? null,
        undo: next.undo,
        redo: next.redo,
        touched: change ? touchedBy(change) : [],
      };
    },
  };
}

/** The parts of the workspace a recorded action changed. */
export function touchedBy(change: Change): WorkspacePart[] {
  const parts: WorkspacePart[] = UNDOABLE.filter((k) => change[k].length > 0);
  if (change.topicOrder && !parts.includes('topics')) parts.push('topics');
  if (change.texts?.length) parts.push('documents');
  return parts;
}
