/**
 * Undo and redo of the analyst's actions on tags, annotations, links and suggestions
 * (accept, dismiss). Each action records the state of every record it touched, before
 * and after; undo puts the "before" states back, redo the "after" states. Text edits
 * have their own history in the editor (ProseMirror's), so this one holds document
 * text only for a text replaced by its file's (text-history.ts); but the ranges it holds
 * follow the text like live ones (see `anchoredStates` and `takeLiveStates`), so a step
 * never puts back a stale range.
 */
import type { WorkspaceFile } from '../../../common/model';
import type { Anchored } from './anchors';
import { textStateOf, type TextEntry, type TextState } from './text-history';

/** The record lists of the workspace that undo covers. */
export const UNDOABLE = ['codebook', 'annotations', 'links', 'suggestions', 'topics'] as const;
export type Undoable = (typeof UNDOABLE)[number];
type RecordOf<K extends Undoable> = WorkspaceFile[K][number];

/** One record's state before and after an action (null: did not exist). */
export interface Entry<T> {
  id: string;
  before: T | null;
  after: T | null;
}

/** One undoable action. */
export type Change = { label: string } & { [K in Undoable]: Entry<RecordOf<K>>[] } & {
  /** The order of the topic list before and after, when the action touched topics. */
  topicOrder?: { before: string[]; after: string[] };
  /** Texts the action replaced (reloaded from their files). */
  texts?: TextEntry[];
};

/** Actions kept for undo. */
export const HISTORY_DEPTH = 200;

const clone = <T>(value: T): T => structuredClone(value);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Collects the states of what an action touches. Call `tag`/`annotation`/`link`/`suggestion` before changing one. */
export class ChangeRecorder {
  private readonly before: { [K in Undoable]: Map<string, RecordOf<K> | null> } = {
    codebook: new Map(),
    annotations: new Map(),
    links: new Map(),
    suggestions: new Map(),
    topics: new Map(),
  };

  constructor(private readonly data: WorkspaceFile) {}

  private note<K extends Undoable>(list: K, id: string): void {
    const seen = this.before[list] as Map<string, RecordOf<K> | null>;
    if (seen.has(id)) return;
    const found = (this.data[list] as RecordOf<K>[]).find((x) => x.id === id);
    seen.set(id, found ? clone(found) : null);
  }

  tag(id: string): void {
    this.note('codebook', id);
  }

  annotation(id: string): void {
    this.note('annotations', id);
  }

  link(id: string): void {
    this.note('links', id);
  }

  suggestion(id: string): void {
    this.note('suggestions', id);
  }

  private topicOrder?: string[];

  /** Call before changing a topic or the order of the topic list. */
  topic(id: string): void {
    this.topicOrder ??= this.data.topics.map((t) => t.id);
    this.note('topics', id);
  }

  private readonly texts = new Map<string, TextState>();

  private textEntries(): TextEntry[] {
    return [...this.texts].flatMap(([id, before]) => {
      const record = this.data.documents.find((d) => d.id === id);
      return record && record.revision !== before.revision ? [{ id, before, after: textStateOf(record) }] : [];
    });
  }

  /** Call before replacing a document's text. */
  text(docId: string): void {
    const record = this.data.documents.find((d) => d.id === docId);
    if (record && !this.texts.has(docId)) this.texts.set(docId, textStateOf(record));
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
      codebook: entries(this.before.codebook, this.data.codebook),
      annotations: entries(this.before.annotations, this.data.annotations),
      links: entries(this.before.links, this.data.links),
      suggestions: entries(this.before.suggestions, this.data.suggestions),
      topics: entries(this.before.topics, this.data.topics),
      ...(this.topicOrder &&
      !same(
        this.topicOrder,
        this.data.topics.map((t) => t.id),
      )
        ? { topicOrder: { before: this.topicOrder, after: this.data.topics.map((t) => t.id) } }
        : {}),
      ...(this.texts.size ? { texts: this.textEntries() } : {}),
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

/**
 * Topics are an ordered list (the rows of the synopsis grid), so undo puts back their
 * order as well as their states: the order before (or after) the change is recorded as
 * each topic's index.
 */
function restoreTopics(data: WorkspaceFile, change: Change, direction: 'undo' | 'redo'): void {
  const order = direction === 'undo' ? change.topicOrder?.before : change.topicOrder?.after;
  for (const e of change.topics) put(data.topics, e.id, direction === 'undo' ? e.before : e.after);
  if (!order) return;
  const rank = new Map(order.map((id, i) => [id, i]));
  data.topics.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/**
 * Puts the before (undo) or after (redo) states of a change into the workspace. Returns
 * the annotations and links it restored, which may need re-anchoring (their text may
 * have changed since).
 */
export function applyChange(
  data: WorkspaceFile,
  change: Change,
  direction: 'undo' | 'redo',
): { annotations: WorkspaceFile['annotations']; links: WorkspaceFile['links'] } {
  const pick = <T>(e: Entry<T>) => (direction === 'undo' ? e.before : e.after);
  for (const e of change.codebook) put(data.codebook, e.id, pick(e));
  for (const e of change.suggestions) put(data.suggestions, e.id, pick(e));
  if (change.topics.length) restoreTopics(data, change, direction);
  const annotations = change.annotations.flatMap((e) => {
    put(data.annotations, e.id, pick(e));
    return data.annotations.filter((a) => a.id === e.id);
  });
  const links = change.links.flatMap((e) => {
    put(data.links, e.id, pick(e));
    return data.links.filter((l) => l.id === e.id);
  });
  return { annotations, links };
}

const sameAnchor = (a: Anchored, b: Anchored): boolean =>
  a.doc === b.doc &&
  a.start === b.start &&
  a.end === b.end &&
  a.revision === b.revision &&
  a.orphan === b.orphan &&
  a.quote.exact === b.quote.exact;

/**
 * Gives the ranges of `kept` that the action left where they were (the same range in
 * `was`, the state the workspace is in now) the range they have now in `live`: the
 * workspace followed every edit of the text exactly, the history only by comparing
 * texts.
 */
function keepLiveRanges(kept: Anchored[], was: Anchored[], live: Anchored[]): void {
  if (was.length !== live.length) return;
  for (const k of kept) {
    const at = was.findIndex((w) => sameAnchor(w, k));
    if (at < 0) continue;
    const { doc, start, end, quote, revision, orphan } = live[at];
    Object.assign(k, { doc, start, end, quote: clone(quote), revision, orphan });
  }
}

/**
 * Before a step: the state a step leaves (the "after" of an undo, the "before" of a
 * redo) becomes the record as it is now, and ranges the action did not move are put
 * back where they are now. So redo gives back a link exactly as it stood before the
 * undo, edits made since included.
 */
export function takeLiveStates(data: WorkspaceFile, change: Change, direction: 'undo' | 'redo'): void {
  const target = direction === 'undo' ? 'before' : 'after';
  const other = direction === 'undo' ? 'after' : 'before';
  for (const e of change.annotations) {
    const live = data.annotations.find((a) => a.id === e.id);
    const kept = e[target];
    const was = e[other];
    if (!live || !was) continue;
    if (kept) keepLiveRanges([kept], [was], [live]);
    e[other] = clone(live);
  }
  for (const e of change.links) {
    const live = data.links.find((l) => l.id === e.id);
    const kept = e[target];
    const was = e[other];
    if (!live || !was) continue;
    if (kept) keepLiveRanges(kept.ends, was.ends, live.ends);
    e[other] = clone(live);
  }
}

/** The undo and redo stacks of one workspace (in memory: a restart starts a fresh history). */
export class ChangeHistory {
  private done: Change[] = [];
  private undone: Change[] = [];

  record(change: Change): void {
    if (UNDOABLE.every((k) => change[k].length === 0) && !change.topicOrder && !change.texts?.length) return;
    this.done.push(change);
    if (this.done.length > HISTORY_DEPTH) this.done.shift();
    this.undone = [];
  }

  /** The change the next undo or redo would apply, left in place. */
  peek(direction: 'undo' | 'redo'): Change | undefined {
    return (direction === 'undo' ? this.done : this.undone).at(-1);
  }

  /** Takes the next change to undo or redo off the history for good (it can no longer be applied). */
  drop(direction: 'undo' | 'redo'): void {
    (direction === 'undo' ? this.done : this.undone).pop();
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

  /** Every range held in the history's states (annotations and link ends), to map through text edits. */
  *anchoredStates(): Generator<Anchored> {
    for (const change of [...this.done, ...this.undone]) {
      for (const e of change.annotations) for (const s of [e.before, e.after]) if (s) yield s;
      for (const e of change.links) for (const s of [e.before, e.after]) if (s) yield* s.ends;
    }
  }

  labels(): { undo: string | null; redo: string | null } {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
}
