/** The Electron main process: lifecycle, the window, its security settings and the menu. */
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { askNewWorkspace, askOpenWorkspace, exportHooks } from './dialogs';
import { bindEvents, bindIpc } from './ipc';
import { buildMenu } from './menu';
import type { ApiHandlers } from '../common/api';
import { openWorkspace, type OpenedWorkspace } from './services/app';
import { defaultWorkspacePath, parallaxHome } from './services/paths';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | undefined;
let workspace: OpenedWorkspace | undefined;
/** The handlers IPC calls: swapped in place when another workspace is opened. */
const liveHandlers = {} as ApiHandlers;
/** Stops sending the open workspace's events to the window (when another one is opened). */
let stopEvents: (() => void) | undefined;
const hooks = exportHooks(() => mainWindow);

/** Switches the window to another workspace: the current one is saved and closed first. */
async function switchWorkspace(open: () => Promise<OpenedWorkspace | undefined>): Promise<void> {
  try {
    const next = await open();
    if (!next) return;
    const previous = workspace;
    workspace = next;
    Object.assign(liveHandlers, next.handlers);
    stopEvents?.();
    stopEvents = bindEvents(next.events, devServerUrl);
    await previous?.close();
    mainWindow?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox('Parallax could not open that workspace', (err as Error).message);
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    minWidth: 800,
    minHeight: 500,
    title: 'Parallax',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Navigation away from the app and new windows are refused; web links open outside.
  win.webContents.on('will-navigate', (event, url) => {
    if (!devServerUrl || !url.startsWith(devServerUrl)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(here, '../renderer/index.html'));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    const home = process.env.PARALLAX_HOME ? parallaxHome() : app.getPath('userData');
    try {
      workspace = await openWorkspace(defaultWorkspacePath(home), 'electron', { exportHooks: hooks });
    } catch (err) {
      dialog.showErrorBox('Parallax cannot open its workspace', (err as Error).message);
      app.quit();
      return;
    }
    Object.assign(liveHandlers, workspace.handlers);
    bindIpc(liveHandlers, devServerUrl, () => workspace?.events);
    stopEvents = bindEvents(workspace.events, devServerUrl);
    Menu.setApplicationMenu(
      buildMenu(() => mainWindow, {
        newWorkspace: () => mainWindow && void switchWorkspace(() => askNewWorkspace(mainWindow!, hooks)),
        openWorkspace: () =>
          mainWindow &&
          void switchWorkspace(async () => {
            const path = await askOpenWorkspace(mainWindow!);
            return path ? openWorkspace(path, 'electron', { exportHooks: hooks }) : undefined;
          }),
      }),
    );
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed || !workspace) return;
    event.preventDefault();
    void workspace
      .close()
      .catch((err: Error) => dialog.showErrorBox('Parallax could not save the workspace', err.message))
      .finally(() => {
        flushed = true;
        app.quit();
      });
  });
  // A closed terminal or a kill also quits through before-quit, so pending writes land.
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}
