/** The application menu: File, Edit, View, Help with the usual shortcuts. */
import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_CHANNEL, type MenuCommand } from '../common/channels';

export function buildMenu(getWindow: () => BrowserWindow | undefined): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Add Pane', accelerator: 'CmdOrCtrl+Alt+N', click: send('pane.add') },
        { label: 'Close Pane', accelerator: 'CmdOrCtrl+Alt+W', click: send('pane.close') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo follows the focus: a text field, the text of a pane being edited, or else
        // the last annotation or codebook action (the renderer decides).
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('edit.undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('edit.redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Toggle Editing of Pane', accelerator: 'CmdOrCtrl+E', click: send('pane.toggleEdit') },
      ],
    },
    {
      label: '&Annotate',
      submenu: [
        { label: 'Tag Selection…', accelerator: 'CmdOrCtrl+T', click: send('annotate.tag') },
        { label: 'Show Annotations Panel', accelerator: 'CmdOrCtrl+Shift+L', click: send('panel.toggle') },
      ],
    },
    {
      label: '&Compare',
      submenu: [
        { label: 'Align Documents', accelerator: 'CmdOrCtrl+Shift+A', click: send('align.run') },
        { label: 'Concepts…', accelerator: 'CmdOrCtrl+Shift+K', click: send('concepts.edit') },
        { type: 'separator' },
        { label: 'Next Suggestion', accelerator: 'F8', click: send('suggestion.next') },
        { label: 'Previous Suggestion', accelerator: 'Shift+F8', click: send('suggestion.previous') },
        { type: 'separator' },
        { label: 'Counterparts', accelerator: 'CmdOrCtrl+Alt+C', click: send('compare.counterparts') },
        { label: 'Panes in Step', accelerator: 'CmdOrCtrl+Alt+S', click: send('compare.inStep') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Move Pane Left', accelerator: 'CmdOrCtrl+Alt+Left', click: send('pane.moveLeft') },
        { label: 'Move Pane Right', accelerator: 'CmdOrCtrl+Alt+Right', click: send('pane.moveRight') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
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
