/**
 * The one table of commands and their keys. The Electron menu (main/menu.ts) builds its
 * items from it, and the renderer (renderer/src/commands.ts) binds the same keys in a
 * browser, so a shortcut is declared once. Pure data plus the parsing both sides share.
 */
import type { MenuCommand } from './channels';

/** The application menus that carry commands, in menu-bar order. */
export type MenuName = 'File' | 'Edit' | 'Annotate' | 'Compare' | 'View';

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

/** The binding of a command. */
export function bindingOf(command: MenuCommand): KeyBinding | undefined {
  return KEY_BINDINGS.find((b) => b.command === command);
}
