/**
 * The application menu: File, Edit, Annotate, Compare, View, Help. Every command item and
 * its accelerator comes from the shared key-binding table (common/keys.ts); this file adds
 * only Electron's own roles (cut, copy, zoom…) around them.
 */
import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_CHANNEL, GESTURE_COMMAND_EVENT, GESTURE_COMMANDS, type MenuCommand } from '../common/channels';
import { KEY_BINDINGS, type MenuName } from '../common/keys';

type Item = MenuItemConstructorOptions;

/** What the File menu does in the main process (workspaces are switched there). */
export interface FileActions {
  newWorkspace(): void;
  openWorkspace(): void;
}

export function buildMenu(getWindow: () => BrowserWindow | undefined, files: FileActions): Menu {
  const send = (command: MenuCommand) => () => {
    const contents = getWindow()?.webContents;
    if (!contents) return;
    if (!GESTURE_COMMANDS.includes(command)) return contents.send(COMMAND_CHANNEL, command);
    // A file picker opens only with the user's gesture, which IPC does not carry.
    const event = `new CustomEvent(${JSON.stringify(GESTURE_COMMAND_EVENT)}, { detail: ${JSON.stringify(command)} })`;
    void contents.executeJavaScript(`window.dispatchEvent(${event})`, true);
  };
  const isMac = process.platform === 'darwin';
  const separator: Item = { type: 'separator' };

  /** The table's items of one menu, with a separator between groups. */
  const commands = (menu: MenuName): Item[] => {
    const items: Item[] = [];
    let group: string | undefined;
    for (const b of KEY_BINDINGS) {
      if (b.menu !== menu) continue;
      if (group !== undefined && b.group !== group) items.push(separator);
      group = b.group;
      items.push({ label: b.label, accelerator: b.accelerator, click: send(b.command) });
    }
    return items;
  };
  /** One group of a menu's items, for menus that interleave Electron's roles. */
  const group = (menu: MenuName, name: string): Item[] =>
    KEY_BINDINGS.filter((b) => b.menu === menu && b.group === name).map((b) => ({
      label: b.label,
      accelerator: b.accelerator,
      click: send(b.command),
    }));

  const template: Item[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        // Switching workspaces happens in the main process, so these two are not renderer commands.
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: () => files.newWorkspace() },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+Shift+O', click: () => files.openWorkspace() },
        separator,
        ...commands('File'),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo follows the focus: a text field, the text of a pane being edited, or else
        // the last annotation, link or codebook action (the renderer decides).
        ...group('Edit', 'history'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        ...group('Edit', 'pane'),
      ],
    },
    { label: '&Annotate', submenu: commands('Annotate') },
    { label: '&Compare', submenu: commands('Compare') },
    {
      label: '&View',
      submenu: [
        ...commands('View'),
        separator,
        { role: 'reload' },
        { role: 'toggleDevTools' },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        ...commands('Help'),
        separator,
        {
          label: 'Parallax on the Web',
          click: () => void shell.openExternal('https://github.com/parallax-qda/parallax#readme'),
        },
        { label: `Version ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
