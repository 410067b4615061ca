/**
 * The one kind of text change the workspace history holds: a text replaced by its
 * file's (⟳ over edits made in Parallax). Typing has its own history in the editor; a
 * replacement does not, so undo must be able to give the edits back. A step is allowed
 * only while the text is still the one the replacement (or its undo) left: once it was
 * edited again, putting back the other text would throw those edits away.
 */
import { ParallaxError } from '../../../common/api';
import type { DocumentMeta, DocumentRecord, NodeJSON, WorkspaceFile } from '../../../common/model';
import { anchoredItems, reanchorAnnotation, rememberText, textOf } from './anchors';
import { plainTextOf } from '../../../common/plaintext';
import { schema } from '../../../common/schema';

/** A document's text and details at one revision. */
export interface TextState {
  doc: NodeJSON;
  meta: DocumentMeta;
  /** The revision that holds this text (updated when a step puts it back). */
  revision: number;
  /** The revision last read from the file; equal to `revision` when this is the file's text. */
  sourceRevision: number;
}

/** The text change of one action, with the states before and after. */
export interface TextEntry {
  id: string;
  before: TextState;
  after: TextState;
}

/** The state of `record` now (copied). */
export function textStateOf(record: DocumentRecord): TextState {
  return structuredClone({
    doc: record.doc,
    meta: record.meta,
    revision: record.revision,
    sourceRevision: record.sourceRevision ?? 0,
  });
}

/**
 * Throws a `conflict` error if a step over `entries` would throw away edits made since
 * (the text is no longer at the revision the other state left it at).
 */
export function checkTextStep(data: WorkspaceFile, entries: TextEntry[], direction: 'undo' | 'redo'): void {
  for (const e of entries) {
    const record = data.documents.find((d) => d.id === e.id);
    const now = direction === 'undo' ? e.after : e.before;
    if (record && record.revision === now.revision) continue;
    const title = record?.meta.title ?? e.id;
    throw new ParallaxError(
      'conflict',
      `“${title}” was edited after its text was ${direction === 'undo' ? 'replaced with its file’s' : 'given back'}, so this step can no longer be ${direction === 'undo' ? 'undone' : 'redone'}; it was taken off the history.`,
    );
  }
}

/**
 * Puts the before (undo) or after (redo) text of each entry back as a new revision, and
 * finds every annotation and link end of that text again in it.
 */
export function applyTextStates(data: WorkspaceFile, entries: TextEntry[], direction: 'undo' | 'redo'): void {
  for (const e of entries) {
    const record = data.documents.find((d) => d.id === e.id);
    if (!record) continue;
    const state = direction === 'undo' ? e.before : e.after;
    record.doc = structuredClone(state.doc);
    record.meta = structuredClone(state.meta);
    record.revision += 1;
    record.sourceRevision = state.sourceRevision >= state.revision ? record.revision : state.sourceRevision;
    record.updatedAt = new Date().toISOString();
    state.revision = record.revision;
    state.sourceRevision = record.sourceRevision;
    rememberText(record, plainTextOf(schema.nodeFromJSON(record.doc)).text);
  }
}

/** Finds the anchored ranges of the texts a step changed again in their new text. */
export function reanchorTexts(data: WorkspaceFile, entries: TextEntry[]): void {
  const ids = new Set(entries.map((e) => e.id));
  for (const [, a] of anchoredItems(data)) {
    if (!ids.has(a.doc) || a.orphan) continue;
    const record = data.documents.find((d) => d.id === a.doc);
    if (record && a.revision !== record.revision) reanchorAnnotation(a, record, textOf(record));
  }
}
