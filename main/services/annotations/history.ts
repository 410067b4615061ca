/**
 * Undo and redo of codebook and annotation actions. Each action records the state of
 * every tag and annotation it touched, before and after; undo puts the "before"
 * states back, redo the "after" states. Text edits have their own history in the
 * editor (ProseMirror's), so this one never holds document text.
 */
import type { Annotation, Tag, WorkspaceFile } from '../../../common/model';

/** One item's state before and after an action (null: did not exist). */
export interface Entry<T> {
  id: string;
  before: T | null;
  after: T | null;
}

/** One undoable action. */
export interface Change {
  label: string;
  tags: Entry<Tag>[];
  annotations: Entry<Annotation>[];
}

/** Actions kept for undo. */
export const HISTORY_DEPTH = 200;

const clone = <T>(value: T): T => structuredClone(value);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Collects the states of what an action touches. Call `tag`/`annotation` before changing one. */
export class ChangeRecorder {
  private readonly tags = new Map<string, Tag | null>();
  private readonly annotations = new Map<string, Annotation | null>();

  constructor(private readonly data: WorkspaceFile) {}

  tag(id: string): void {
    if (this.tags.has(id)) return;
    const t = this.data.codebook.find((x) => x.id === id);
    this.tags.set(id, t ? clone(t) : null);
  }

  annotation(id: string): void {
    if (this.annotations.has(id)) return;
    const a = this.data.annotations.find((x) => x.id === id);
    this.annotations.set(id, a ? clone(a) : null);
  }

  /** The change, with the states after it; entries that ended as they began are left out. */
  finish(label: string): Change {
    const entries = <T extends { id: string }>(before: Map<string, T | null>, list: T[]): Entry<T>[] => {
      const byId = new Map(list.map((x) => [x.id, x]));
      return [...before]
        .map(([id, b]) => ({ id, before: b, after: byId.has(id) ? clone(byId.get(id)!) : null }))
        .filter((e) => !same(e.before, e.after));
    };
    return {
      label,
      tags: entries(this.tags, this.data.codebook),
      annotations: entries(this.annotations, this.data.annotations),
    };
  }
}

function put<T extends { id: string }>(list: T[], id: string, value: T | null): void {
  const at = list.findIndex((x) => x.id === id);
  if (value === null) {
    if (at >= 0) list.splice(at, 1);
  } else if (at >= 0) list[at] = clone(value);
  else list.push(clone(value));
}

/** Puts the before (undo) or after (redo) states of a change into the workspace. */
export function applyChange(data: WorkspaceFile, change: Change, direction: 'undo' | 'redo'): Annotation[] {
  const pick = <T>(e: Entry<T>) => (direction === 'undo' ? e.before : e.after);
  for (const e of change.tags) put(data.codebook, e.id, pick(e));
  const restored: Annotation[] = [];
  for (const e of change.annotations) {
    put(data.annotations, e.id, pick(e));
    const now = data.annotations.find((a) => a.id === e.id);
    if (now) restored.push(now);
  }
  return restored;
}

/** The undo and redo stacks of one workspace (in memory: a restart starts a fresh history). */
export class ChangeHistory {
  private done: Change[] = [];
  private undone: Change[] = [];

  record(change: Change): void {
    if (!change.tags.length && !change.annotations.length) return;
    this.done.push(change);
    if (this.done.length > HISTORY_DEPTH) this.done.shift();
    this.undone = [];
  }

  takeUndo(): Change | undefined {
    const c = this.done.pop();
    if (c) this.undone.push(c);
    return c;
  }

  takeRedo(): Change | undefined {
    const c = this.undone.pop();
    if (c) this.done.push(c);
    return c;
  }

  labels(): { undo: string | null; redo: string | null } {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
}
