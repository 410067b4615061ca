/**
 * Which parts of the workspace each call changes, so that after a call succeeds every
 * other window (another Electron window, another browser tab on the same host) hears of it
 * as a `workspaceChanged` event and reads again only those parts. The window that made
 * the call applied its answer already: the transports do not send it its own change
 * (`origin` names the window).
 */
import type { CallName, CallOutput, Result, WorkspacePart } from '../../common/api';
import { CALL_NAMES } from '../../common/channels';
import type { EventHub } from './events';

type ChangeRule<K extends CallName> = readonly WorkspacePart[] | ((output: CallOutput<K>) => WorkspacePart[]);

const TEXT: WorkspacePart[] = ['documents', 'annotations', 'links'];
const TAGS: WorkspacePart[] = ['codebook', 'annotations', 'links'];

/** Calls not listed change nothing another window shows (reads, layout, Align's start). */
const CHANGES: { [K in CallName]?: ChangeRule<K> } = {
  // A saved edit or a re-read file moves the annotations and link ends of its text.
  saveDocument: TEXT,
  reloadDocument: (out) => (out.replaced ? TEXT : []),
  commitImport: TEXT,
  updateDocumentMeta: ['documents'],
  importAnnotations: ['documents', ...TAGS],
  createTag: ['codebook'],
  updateTag: ['codebook'],
  deleteTag: TAGS,
  mergeTags: TAGS,
  createAnnotation: ['annotations'],
  updateAnnotation: ['annotations'],
  deleteAnnotation: ['annotations'],
  reattachAnnotation: ['annotations'],
  createLink: ['links'],
  updateLink: ['links'],
  addLinkEnd: ['links'],
  removeLinkEnd: ['links'],
  reattachLinkEnd: ['links'],
  deleteLink: ['links'],
  // Accepting makes a link; undoing an acceptance takes it away.
  setSuggestionStatus: ['suggestions', 'links'],
  nameTopic: ['topics'],
  mergeTopics: ['topics'],
  orderTopics: ['topics'],
  addTagTopic: ['topics'],
  deleteTopic: ['topics'],
  undo: (out) => out.touched,
  redo: (out) => out.touched,
};

const CALLS = new Set<string>(CALL_NAMES);

/** The parts of the workspace a successful call changed (none for a read). */
export function changedBy<K extends CallName>(name: K, output: CallOutput<K>): WorkspacePart[] {
  const rule = CHANGES[name] as ChangeRule<K> | undefined;
  if (!rule) return [];
  return typeof rule === 'function' ? rule(output) : [...rule];
}

/** Tells every window but `origin` what a call changed; failed calls and reads change nothing. */
export function announceChange(hub: EventHub | undefined, name: string, result: Result<unknown>, origin: string): void {
  if (!hub || !result.ok || !CALLS.has(name)) return;
  const what = changedBy(name as CallName, result.value as never);
  if (what.length) hub.emit('workspaceChanged', { what, origin });
}

/** The origin naming one window, as the transports compare it. */
export function windowOrigin(id: string | number): string {
  return `window:${id}`;
}
