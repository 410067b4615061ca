/**
 * The one table of commands and their keys. The Electron menu (main/menu.ts) builds its
 * items from it, and the renderer (renderer/src/commands.ts) binds the same keys in a
 * browser, so a shortcut is declared once. Pure data plus the parsing both sides share.
 */
import type { MenuCommand } from './channels';

/** The application menus that carry commands, in menu-bar order. */
export type MenuName = 'File' | 'Edit' | 'Annotate' | 'Compare' | 'View' | 'Help';

/** One command: what it is called, its accelerator, where it sits in the menu. */
export interface KeyBinding {
  command: MenuCommand;
  /** The menu label ("…" when it asks for more). */
  label: string;
  /** Electron accelerator syntax: `CmdOrCtrl+Shift+A`, `F8`, `CmdOrCtrl+Alt+Left`. */
  accelerator?: string;
  /**
   * A single key that also runs the command in the browser when text is selected in a
   * pane and the focus is not in a field (T tags, L links): the browser keeps Ctrl+T.
   */
  selectionKey?: string;
  /** A single key that also runs the command wherever the focus is not in text or a field ("?"). */
  plainKey?: string;
  menu: MenuName;
  /** Items of one group sit together; a separator goes between groups. */
  group: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'file.import', label: 'Import…', accelerator: 'CmdOrCtrl+O', menu: 'File', group: 'files' },
  { command: 'file.export', label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', menu: 'File', group: 'files' },
  {
    command: 'document.details',
    label: 'Document Details…',
    accelerator: 'CmdOrCtrl+I',
    menu: 'File',
    group: 'files',
  },
  { command: 'pane.add', label: 'Add Pane', accelerator: 'CmdOrCtrl+Alt+N', menu: 'File', group: 'panes' },
  { command: 'pane.close', label: 'Close Pane', accelerator: 'CmdOrCtrl+Alt+W', menu: 'File', group: 'panes' },
  { command: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', menu: 'Edit', group: 'history' },
  { command: 'edit.redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', menu: 'Edit', group: 'history' },
  {
    command: 'pane.toggleEdit',
    label: 'Toggle Editing of Pane',
    accelerator: 'CmdOrCtrl+E',
    menu: 'Edit',
    group: 'pane',
  },
  {
    command: 'annotate.tag',
    label: 'Tag Selection…',
    accelerator: 'CmdOrCtrl+T',
    selectionKey: 'T',
    menu: 'Annotate',
    group: 'make',
  },
  {
    command: 'link.start',
    label: 'Link Selection…',
    accelerator: 'CmdOrCtrl+L',
    selectionKey: 'L',
    menu: 'Annotate',
    group: 'make',
  },
  {
    command: 'item.openAtCaret',
    label: 'Open Annotation or Link at Cursor',
    accelerator: 'Alt+Enter',
    menu: 'Annotate',
    group: 'make',
  },
  {
    command: 'panel.toggle',
    label: 'Show Annotations Panel',
    accelerator: 'CmdOrCtrl+Shift+L',
    menu: 'Annotate',
    group: 'panel',
  },
  { command: 'panel.links', label: 'Show Links', accelerator: 'CmdOrCtrl+Alt+K', menu: 'Annotate', group: 'panel' },
  { command: 'align.run', label: 'Align Documents', accelerator: 'CmdOrCtrl+Shift+A', menu: 'Compare', group: 'align' },
  { command: 'concepts.edit', label: 'Concepts…', accelerator: 'CmdOrCtrl+Shift+K', menu: 'Compare', group: 'align' },
  { command: 'suggestion.next', label: 'Next Suggestion', accelerator: 'F8', menu: 'Compare', group: 'review' },
  {
    command: 'suggestion.previous',
    label: 'Previous Suggestion',
    accelerator: 'Shift+F8',
    menu: 'Compare',
    group: 'review',
  },
  {
    command: 'panel.review',
    label: 'Review Suggestions',
    accelerator: 'CmdOrCtrl+Alt+R',
    menu: 'Compare',
    group: 'review',
  },
  {
    command: 'overview.contradictions',
    label: 'Contradictions',
    accelerator: 'CmdOrCtrl+Shift+C',
    menu: 'Compare',
    group: 'overviews',
  },
  {
    command: 'overview.synopsis',
    label: 'Synopsis Grid',
    accelerator: 'CmdOrCtrl+Shift+Y',
    menu: 'Compare',
    group: 'overviews',
  },
  {
    command: 'overview.agreement',
    label: 'Agreement Chart',
    accelerator: 'CmdOrCtrl+Shift+H',
    menu: 'Compare',
    group: 'overviews',
  },
  { command: 'conflict.next', label: 'Next Conflict', accelerator: 'Alt+Down', menu: 'Compare', group: 'overviews' },
  {
    command: 'conflict.previous',
    label: 'Previous Conflict',
    accelerator: 'Alt+Up',
    menu: 'Compare',
    group: 'overviews',
  },
  {
    command: 'overview.search',
    label: 'Search Documents…',
    accelerator: 'CmdOrCtrl+Shift+F',
    menu: 'Compare',
    group: 'search',
  },
  { command: 'search.next', label: 'Next Search Hit', accelerator: 'F3', menu: 'Compare', group: 'search' },
  {
    command: 'search.previous',
    label: 'Previous Search Hit',
    accelerator: 'Shift+F3',
    menu: 'Compare',
    group: 'search',
  },
  {
    command: 'compare.counterparts',
    label: 'Counterparts',
    accelerator: 'CmdOrCtrl+Alt+C',
    menu: 'Compare',
    group: 'instrument',
  },
  {
    command: 'compare.inStep',
    label: 'Panes in Step',
    accelerator: 'CmdOrCtrl+Alt+S',
    menu: 'Compare',
    group: 'instrument',
  },
  { command: 'pane.focusNext', label: 'Next Pane', accelerator: 'F6', menu: 'View', group: 'focus' },
  { command: 'pane.focusPrevious', label: 'Previous Pane', accelerator: 'Shift+F6', menu: 'View', group: 'focus' },
  {
    command: 'pane.moveLeft',
    label: 'Move Pane Left',
    accelerator: 'CmdOrCtrl+Alt+Left',
    menu: 'View',
    group: 'panes',
  },
  {
    command: 'pane.moveRight',
    label: 'Move Pane Right',
    accelerator: 'CmdOrCtrl+Alt+Right',
    menu: 'View',
    group: 'panes',
  },
  {
    command: 'help.shortcuts',
    label: 'Keyboard Shortcuts',
    accelerator: 'F1',
    plainKey: '?',
    menu: 'Help',
    group: 'help',
  },
];

/**
 * Keys a browser keeps for itself: a page never sees them, so in browser mode the command
 * has to be reached another way. These are the shortcuts Chromium treats as reserved
 * (chrome/browser/ui/browser_command_controller.cc, IsReservedCommandOrKey: new tab and
 * window, new incognito window, close tab and window, reopen closed tab, switch tab, quit).
 */
const BROWSER_RESERVED = new Set([
  'CmdOrCtrl+T',
  'CmdOrCtrl+N',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Shift+N',
  'CmdOrCtrl+Shift+T',
  'CmdOrCtrl+Shift+W',
  'CmdOrCtrl+Tab',
  'CmdOrCtrl+Shift+Tab',
  'CmdOrCtrl+PageUp',
  'CmdOrCtrl+PageDown',
  'CmdOrCtrl+Shift+Q',
]);

/** Whether a browser keeps this accelerator, so it works only in the desktop app. */
export function browserReserved(accelerator: string): boolean {
  return BROWSER_RESERVED.has(accelerator);
}

/** The keys 1, 2, 3 choose a relation wherever one is chosen (link dialog, counterparts, review). */
export const RELATION_KEYS = { '1': 'agree', '2': 'conflict', '3': 'related' } as const;

/** A key that acts inside one panel or dialog, for the shortcuts sheet. */
export interface PanelKey {
  keys: string;
  does: string;
}

/** The keys of each panel, in the order the shortcuts sheet lists them. */
export const PANEL_KEYS: readonly { panel: string; keys: readonly PanelKey[] }[] = [
  {
    panel: 'Reading a pane',
    keys: [
      { keys: '← → ↑ ↓', does: 'Move the cursor (Ctrl: by word)' },
      { keys: 'Home / End', does: "To the line's start or end (Ctrl: the text's)" },
      { keys: 'Shift + a move', does: 'Select' },
      { keys: 'Enter', does: 'Open what is under the cursor' },
    ],
  },
  {
    panel: 'Link dialog',
    keys: [
      ...Object.entries(RELATION_KEYS).map(([key, relation]) => ({ keys: key, does: `Relation: ${relation}` })),
      { keys: 'Ctrl+Enter', does: 'Save' },
      { keys: 'Esc', does: 'Cancel' },
    ],
  },
  {
    panel: 'Tag finder',
    keys: [
      { keys: 'Enter', does: 'Tick the first matching tag, or create one' },
      { keys: 'Ctrl+Enter', does: 'Save' },
    ],
  },
  {
    panel: 'Review queue',
    keys: [
      { keys: 'J / K', does: 'Next / previous suggestion' },
      { keys: 'A / D', does: 'Accept / dismiss' },
      ...Object.entries(RELATION_KEYS).map(([key, relation]) => ({ keys: key, does: `Accept as ${relation}` })),
      { keys: 'R', does: 'Restore' },
      { keys: 'Enter', does: 'Show it again' },
    ],
  },
  {
    panel: 'Suggestion card',
    keys: [
      { keys: 'A / D', does: 'Accept / dismiss' },
      { keys: 'O', does: 'Show the other passage' },
      { keys: 'Esc', does: 'Close' },
    ],
  },
  {
    panel: 'Counterparts panel',
    keys: [
      { keys: 'Enter or L', does: 'Link the match as suggested' },
      ...Object.entries(RELATION_KEYS).map(([key, relation]) => ({ keys: key, does: `Link as ${relation}` })),
      { keys: 'O', does: 'Show it in its pane' },
      { keys: 'J / K', does: 'Next / previous match' },
      { keys: 'Esc', does: 'Back to the text' },
    ],
  },
];

/** An accelerator taken apart: which modifiers, and the key (`KeyA`-style code or a key name). */
export interface ParsedAccelerator {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** `KeyN`, `Digit1`, or a named key as KeyboardEvent.key spells it (`F8`, `ArrowLeft`, `Enter`). */
  key: string;
}

const NAMED_KEYS: Record<string, string> = { Left: 'ArrowLeft', Right: 'ArrowRight', Up: 'ArrowUp', Down: 'ArrowDown' };

/** Parses Electron's accelerator syntax (the subset the table uses). */
export function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split('+');
  const last = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  const key = /^[A-Z]$/i.test(last)
    ? `Key${last.toUpperCase()}`
    : /^\d$/.test(last)
      ? `Digit${last}`
      : (NAMED_KEYS[last] ?? last);
  return {
    mod: mods.has('cmdorctrl') || mods.has('ctrl') || mods.has('cmd') || mods.has('commandorcontrol'),
    alt: mods.has('alt'),
    shift: mods.has('shift'),
    key,
  };
}

/** How an accelerator reads in hover text and the README ("Ctrl+Shift+A", "F8"). */
export function acceleratorText(accelerator: string, mac = false): string {
  return accelerator
    .replace(/CmdOrCtrl/g, mac ? 'Cmd' : 'Ctrl')
    .replace(/\bLeft\b/, '←')
    .replace(/\bRight\b/, '→');
}

/**
 * How to reach a command from the keyboard, as the hint in a message should say it: in a
 * browser, a key the browser keeps is left out for the single key that works on a selection
 * ("T"); otherwise the accelerator ("Ctrl+T").
 */
export function keyHint(command: MenuCommand, browser: boolean, mac = false): string | undefined {
  const b = bindingOf(command);
  if (!b) return undefined;
  const accelerator = b.accelerator && !(browser && browserReserved(b.accelerator)) ? b.accelerator : undefined;
  if (accelerator) return acceleratorText(accelerator, mac);
  return b.selectionKey ?? b.plainKey;
}

/** The binding of a command. */
export function bindingOf(command: MenuCommand): KeyBinding | undefined {
  return KEY_BINDINGS.find((b) => b.command === command);
}
