/**
 * The workspace commands, run from the Electron menu or, in a browser, from the same
 * keys (Ctrl on Windows/Linux, Cmd on macOS).
 */
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
  }
}

/** The key of each command, matching the menu's accelerators. */
function commandForKey(event: KeyboardEvent): MenuCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return undefined;
  if (event.altKey && !event.shiftKey) {
    if (event.code === 'KeyN') return 'pane.add';
    if (event.code === 'KeyW') return 'pane.close';
    if (event.key === 'ArrowLeft') return 'pane.moveLeft';
    if (event.key === 'ArrowRight') return 'pane.moveRight';
  }
  if (!event.altKey && !event.shiftKey && event.code === 'KeyE') return 'pane.toggleEdit';
  if (!event.altKey && event.shiftKey && event.code === 'KeyA') return 'align.run';
  if (!event.altKey && event.shiftKey && event.code === 'KeyK') return 'concepts.edit';
  return undefined;
}

/** Wires commands to the menu (Electron) or to the keyboard (browser). */
export function bindCommands(view: WorkspaceView): void {
  if (transport === 'electron') {
    onMenuCommand((command) => runCommand(view, command));
    return;
  }
  window.addEventListener('keydown', (event) => {
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    runCommand(view, command);
  });
}
