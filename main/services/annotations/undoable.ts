/**
 * The one undo history of a workspace's analysis actions (tags, annotations, links,
 * suggestion decisions), shared by every service that changes them, so Ctrl+Z undoes
 * the last of them whichever it was.
 */
import type { HistoryState, WorkspacePart } from '../../../common/api';
import type { WorkspaceFile } from '../../../common/model';
import type { WorkspaceStore } from '../store/workspace-store';
import { reanchorAnnotation, textOf } from './anchors';
import { applyChange, ChangeHistory, ChangeRecorder, UNDOABLE, type Change } from './history';

export interface Undoable {
  /** Runs an undoable action on the workspace and records what it touched. */
  act<T>(label: string, run: (data: WorkspaceFile, touch: ChangeRecorder) => T): Promise<T>;
  /** Undoes or redoes the last action; says what was done and what is next. */
  step(direction: 'undo' | 'redo'): Promise<HistoryState>;
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

    async step(direction) {
      const change = direction === 'undo' ? history.takeUndo() : history.takeRedo();
      if (change) {
        await store.update((data) => {
          const restored = applyChange(data, change, direction);
          const anchored = [...restored.annotations, ...restored.links.flatMap((l) => l.ends)];
          // A restored range may refer to a revision the text has moved on from.
          for (const a of anchored) {
            const record = data.documents.find((d) => d.id === a.doc);
            if (record && !a.orphan && a.revision !== record.revision) reanchorAnnotation(a, record, textOf(record));
          }
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
  return parts;
}
