/**
 * Names shared by every transport, kept free of dependencies so the sandboxed preload
 * bundles nothing but these strings. `api.ts` checks that its contract declares
 * exactly these calls.
 */

/** Every call of the contract, in declaration order. */
export const CALL_NAMES = [
  'getAppInfo',
  'getWorkspace',
  'listDocuments',
  'getDocument',
  'saveDocument',
  'saveLayout',
  'reloadDocument',
  'startAlign',
  'getAlignJob',
  'listSuggestions',
  'setSuggestionStatus',
  'getCounterparts',
  'getConcepts',
  'saveConcepts',
  'getCodebook',
  'createTag',
  'updateTag',
  'deleteTag',
  'mergeTags',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'reattachAnnotation',
  'listLinks',
  'createLink',
  'updateLink',
  'addLinkEnd',
  'removeLinkEnd',
  'reattachLinkEnd',
  'deleteLink',
  'listTopics',
  'nameTopic',
  'mergeTopics',
  'orderTopics',
  'addTagTopic',
  'deleteTopic',
  'searchDocuments',
  'undo',
  'redo',
  'getStoreStatus',
  'prepareImport',
  'commitImport',
  'updateDocumentMeta',
  'startExport',
  'getExportJob',
  'revealExport',
  'importAnnotations',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/** Commands the app menu sends to the renderer (Electron); the renderer binds the same keys in a browser. */
export const MENU_COMMANDS = [
  'pane.add',
  'pane.close',
  'pane.toggleEdit',
  'pane.moveLeft',
  'pane.moveRight',
  'align.run',
  'concepts.edit',
  'annotate.tag',
  'edit.undo',
  'edit.redo',
  'panel.toggle',
  'suggestion.next',
  'suggestion.previous',
  'overview.contradictions',
  'overview.synopsis',
  'overview.agreement',
  'overview.search',
  'conflict.next',
  'conflict.previous',
  'search.next',
  'search.previous',
  'link.start',
  'item.openAtCaret',
  'panel.links',
  'panel.review',
  'pane.focusNext',
  'pane.focusPrevious',
  'file.import',
  'file.export',
  'document.details',
  'compare.inStep',
  'compare.counterparts',
  'help.shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel of a call. */
export const ipcChannel = (name: CallName): string => `parallax:${name}`;

/** IPC channel on which main sends menu commands. */
export const COMMAND_CHANNEL = 'parallax:command';

/**
 * Menu commands that open a file picker in the page. Chromium shows one only in answer to
 * the user's own gesture, which a message over IPC is not: the main process runs these in
 * the page with a gesture (webContents.executeJavaScript), as an event of this name on the
 * window whose detail is the command.
 */
export const GESTURE_COMMAND_EVENT = 'parallax:gesture-command';
export const GESTURE_COMMANDS: readonly MenuCommand[] = ['file.import'];

/** Every event the services push to the renderer, in declaration order (payloads: `events` in api.ts). */
export const EVENT_NAMES = [
  'alignProgress',
  'exportProgress',
  'refineProgress',
  'storeStatus',
  'workspaceChanged',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Whether a string names a declared event (the preload and the bridge accept exactly these). */
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

/** IPC channel on which main sends an event. */
export const eventChannel = (name: EventName): string => `parallax:event:${name}`;
