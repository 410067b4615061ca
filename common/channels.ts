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
  'undo',
  'redo',
  'getStoreStatus',
  'prepareImport',
  'commitImport',
  'updateDocumentMeta',
  'startExport',
  'getExportJob',
  'revealExport',
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
  'link.start',
  'item.openAtCaret',
  'panel.links',
  'panel.review',
  'pane.focusNext',
  'pane.focusPrevious',
  'file.import',
  'file.export',
  'document.details',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel of a call. */
export const ipcChannel = (name: CallName): string => `parallax:${name}`;

/** IPC channel on which main sends menu commands. */
export const COMMAND_CHANNEL = 'parallax:command';
