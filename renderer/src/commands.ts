/**
 * The workspace commands, run from the Electron menu or, in a browser, from the same
 * keys (Ctrl on Windows/Linux, Cmd on macOS).
 */
import { redo as redoText, undo as undoText } from 'prosemirror-history';
import type { MenuCommand } from '../../common/channels';
import { onMenuCommand, transport } from './bridge';
import type { WorkspaceView } from './panes/workspace-view';

export function runCommand(view: WorkspaceView, command: MenuCommand): void {
  const pane = view.activePane();
  switch (command) {
    case 'pane.add':
      view.addPane();
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
    case 'compare.inStep':
      view.compare.toggleInStep();
      break;
    case 'compare.counterparts':
      view.compare.counterparts.command();
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

/** The key of each command, matching the menu's accelerators. */
function commandForKey(event: KeyboardEvent): MenuCommand | undefined {
  if (event.key === 'F8' && !event.ctrlKey && !event.metaKey && !event.altKey) {
    return event.shiftKey ? 'suggestion.previous' : 'suggestion.next';
  }
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return undefined;
  if (event.altKey && !event.shiftKey) {
    if (event.code === 'KeyN') return 'pane.add';
    if (event.code === 'KeyW') return 'pane.close';
    if (event.key === 'ArrowLeft') return 'pane.moveLeft';
    if (event.key === 'ArrowRight') return 'pane.moveRight';
    if (event.code === 'KeyS') return 'compare.inStep';
    if (event.code === 'KeyC') return 'compare.counterparts';
  }
  if (!event.altKey && !event.shiftKey && event.code === 'KeyE') return 'pane.toggleEdit';
  if (!event.altKey && event.shiftKey && event.code === 'KeyA') return 'align.run';
  if (!event.altKey && event.shiftKey && event.code === 'KeyK') return 'concepts.edit';
  if (!event.altKey && event.shiftKey && event.code === 'KeyL') return 'panel.toggle';
  if (!event.altKey && !event.shiftKey && event.code === 'KeyT') return 'annotate.tag';
  // Undo/redo of annotations only when the focus is not in something with its own history.
  if (!event.altKey && !inTextField(event.target)) {
    if (event.code === 'KeyZ') return event.shiftKey ? 'edit.redo' : 'edit.undo';
    if (event.code === 'KeyY' && !event.shiftKey) return 'edit.redo';
  }
  return undefined;
}

/** Wires commands to the menu (Electron) or to the keyboard (browser). */
export function bindCommands(view: WorkspaceView): void {
  if (transport === 'electron') {
    onMenuCommand((command) => runCommand(view, command));
    return;
  }
  window.addEventListener('keydown', (event) => {
    // T alone tags the selection in a read-only pane (Ctrl+T belongs to the browser).
    if (
      event.key.toLowerCase() === 't' &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      !inTextField(event.target) &&
      !window.getSelection()?.isCollapsed
    ) {
      event.preventDefault();
      runCommand(view, 'annotate.tag');
      return;
    }
    if (event.defaultPrevented) return;
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    runCommand(view, command);
  });
}
