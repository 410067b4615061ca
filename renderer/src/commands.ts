/**
 * The workspace commands, run from the Electron menu or, in a browser, from the same
 * keys (Ctrl on Windows/Linux, Cmd on macOS): both come from the one key-binding table
 * in common/keys.ts.
 */
import { redo as redoText, undo as undoText } from 'prosemirror-history';
import { GESTURE_COMMAND_EVENT, GESTURE_COMMANDS, type MenuCommand } from '../../common/channels';
import { KEY_BINDINGS, parseAccelerator } from '../../common/keys';
import { onMenuCommand, transport } from './bridge';
import type { WorkspaceView } from './panes/workspace-view';

export function runCommand(view: WorkspaceView, command: MenuCommand): void {
  const pane = view.activePane();
  switch (command) {
    case 'pane.add':
      view.addPane();
      break;
    case 'file.import':
      view.files.import();
      break;
    case 'file.export':
      view.files.export();
      break;
    case 'document.details':
      view.files.editDetails();
      break;
    case 'pane.close':
      if (pane) view.close(pane);
      break;
    case 'pane.toggleEdit':
      if (pane) void pane.setEditing(!pane.editing);
      break;
    case 'pane.moveLeft':
      if (pane) view.move(pane, -1);
      break;
    case 'pane.moveRight':
      if (pane) view.move(pane, 1);
      break;
    case 'align.run':
      void view.align();
      break;
    case 'concepts.edit':
      view.editConcepts();
      break;
    case 'annotate.tag':
      view.annotator.tagSelection();
      break;
    case 'panel.toggle':
      view.annotator.togglePanel();
      break;
    case 'suggestion.next':
    case 'suggestion.previous':
      void view.suggestions.step(command === 'suggestion.next' ? 1 : -1);
      break;
    case 'link.start':
      view.linker.start();
      break;
    case 'item.openAtCaret':
      view.openAtCaret();
      break;
    case 'panel.links':
      view.showPanel('links');
      break;
    case 'panel.review':
      view.showPanel('review');
      break;
    case 'pane.focusNext':
    case 'pane.focusPrevious':
      view.focusPane(command === 'pane.focusNext' ? 1 : -1);
      break;
    case 'overview.contradictions':
    case 'overview.synopsis':
    case 'overview.agreement':
    case 'overview.search':
      view.overviews.open(command.slice('overview.'.length) as 'contradictions' | 'synopsis' | 'agreement' | 'search');
      break;
    case 'conflict.next':
    case 'conflict.previous':
      void view.overviews.contradictions.step(command === 'conflict.next' ? 1 : -1);
      break;
    case 'search.next':
    case 'search.previous':
      // F3 shows the search (the hits are marked while it is open) and goes on to the next hit.
      if (view.overviews.openTab !== 'search') view.overviews.open('search');
      if (view.overviews.search.input.value.trim()) void view.overviews.search.step(command === 'search.next' ? 1 : -1);
      break;
    case 'compare.inStep':
      view.compare.toggleInStep();
      break;
    case 'compare.counterparts':
      view.compare.counterparts.command();
      break;
    case 'help.shortcuts':
      view.shortcuts.toggle();
      break;
    case 'edit.undo':
    case 'edit.redo':
      undoOrRedo(view, command === 'edit.undo' ? 'undo' : 'redo');
      break;
  }
}

/**
 * Undo and redo follow the focus: in a text field, the field's own; in a pane being
 * edited, ProseMirror's history of the text; elsewhere, the last annotation or
 * codebook action.
 */
function undoOrRedo(view: WorkspaceView, direction: 'undo' | 'redo'): void {
  const focused = document.activeElement;
  if (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) {
    document.execCommand(direction);
    return;
  }
  const pane = view.activePane();
  const editor = pane?.editorView();
  if (pane?.editing && editor?.hasFocus()) {
    (direction === 'undo' ? undoText : redoText)(editor.state, editor.dispatch);
    return;
  }
  void (direction === 'undo' ? view.annotator.undo() : view.annotator.redo());
}

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** The table's accelerators, parsed once. */
const ACCELERATORS = KEY_BINDINGS.flatMap((b) =>
  b.accelerator ? [{ command: b.command, keys: parseAccelerator(b.accelerator) }] : [],
);

/** The command whose accelerator (from the shared table, as in the menu) the event is. */
export function commandForKey(event: KeyboardEvent): MenuCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  for (const { command, keys } of ACCELERATORS) {
    if (keys.mod !== mod || keys.alt !== event.altKey || keys.shift !== event.shiftKey) continue;
    if (keys.key !== event.code && keys.key !== event.key) continue;
    // Undo/redo of annotations only when the focus is not in something with its own history.
    if ((command === 'edit.undo' || command === 'edit.redo') && inTextField(event.target)) return undefined;
    // Alt+↑ / Alt+↓ walk the conflicts, except in a field, where they move the caret.
    if ((command === 'conflict.next' || command === 'conflict.previous') && inTextField(event.target)) return undefined;
    return command;
  }
  // Ctrl+Y redoes too, as in most Windows programs.
  if (mod && !event.altKey && !event.shiftKey && event.code === 'KeyY' && !inTextField(event.target))
    return 'edit.redo';
  return undefined;
}

/** The command of a single key pressed over selected text (T tags, L links), from the table. */
function selectionKeyCommand(event: KeyboardEvent): MenuCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || inTextField(event.target)) return undefined;
  if (window.getSelection()?.isCollapsed ?? true) return undefined;
  return KEY_BINDINGS.find((b) => b.selectionKey && b.selectionKey.toLowerCase() === event.key.toLowerCase())?.command;
}

/**
 * Whether an element is in a dialog that is open. Right after a modal dialog closes, the focus
 * can still be on its Close button until the browser moves it: a key pressed then is the page's.
 */
function inOpenDialog(target: Element): boolean {
  const dialog = target.closest('[role="dialog"], dialog');
  if (!dialog) return false;
  if (dialog instanceof HTMLDialogElement) return dialog.open;
  return !dialog.closest('[hidden]');
}

/** The command of a single key pressed where the focus is not in text or a field ("?" shows the shortcuts). */
function plainKeyCommand(event: KeyboardEvent): MenuCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || inTextField(event.target)) return undefined;
  if (event.target instanceof Element && inOpenDialog(event.target)) return undefined;
  return KEY_BINDINGS.find((b) => b.plainKey === event.key)?.command;
}

/** Wires commands to the menu (Electron) or to the keyboard (browser). */
export function bindCommands(view: WorkspaceView): void {
  // Single keys are the page's in the desktop app too: a menu accelerator cannot be "?".
  window.addEventListener('keydown', (event) => {
    const command = event.defaultPrevented ? undefined : plainKeyCommand(event);
    if (!command) return;
    event.preventDefault();
    runCommand(view, command);
  });
  if (transport === 'electron') {
    onMenuCommand((command) => runCommand(view, command));
    // The menu's commands that open a file picker arrive with the user's gesture (channels.ts).
    window.addEventListener(GESTURE_COMMAND_EVENT, (event) => {
      const command = (event as CustomEvent<unknown>).detail;
      if (GESTURE_COMMANDS.some((c) => c === command)) runCommand(view, command as MenuCommand);
    });
    return;
  }
  window.addEventListener('keydown', (event) => {
    const bySelection = selectionKeyCommand(event);
    if (bySelection) {
      event.preventDefault();
      runCommand(view, bySelection);
      return;
    }
    if (event.defaultPrevented) return;
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    runCommand(view, command);
  });
}
