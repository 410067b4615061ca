/**
 * The desktop app's file dialogs: where an export goes (a save dialog), showing it in
 * the file manager, and New / Open Workspace, which switch the window to another
 * workspace file so an analyst's own project is not mixed with the samples.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { basename, extname } from 'node:path';
import type { ExportFormat } from '../common/api';
import type { DocumentRecord } from '../common/model';
import { openWorkspace, type OpenedWorkspace } from './services/app';
import { EXPORT_FORMATS } from './services/export/formats';
import type { ExportHooks } from './services/export/service';
import { importFromDisk } from './services/import/files';
import { placeImport, metaWithFallbacks } from './services/import/workspace-import';
import type { WorkspaceFile } from '../common/model';

const IMPORT_FILTERS = [{ name: 'Documents', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] }];
const WORKSPACE_FILTERS = [{ name: 'Parallax workspace', extensions: ['json'] }];

/** Export hooks that ask with a save dialog and reveal with the file manager. */
export function exportHooks(getWindow: () => BrowserWindow | undefined): ExportHooks {
  return {
    async choosePath(format: ExportFormat, suggestedName: string) {
      const spec = EXPORT_FORMATS[format];
      const options = {
        title: `Export — ${spec.label}`,
        defaultPath: `${app.getPath('documents')}/${suggestedName}`,
        filters: [{ name: spec.label, extensions: [spec.extension] }],
      };
      const win = getWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    reveal(path: string) {
      shell.showItemInFolder(path);
      return true;
    },
  };
}

/** Asks for a workspace file to open; undefined when cancelled. */
export async function askOpenWorkspace(win: BrowserWindow): Promise<string | undefined> {
  const result = await dialog.showOpenDialog(win, {
    title: 'Open Workspace',
    filters: WORKSPACE_FILTERS,
    properties: ['openFile'],
  });
  return result.canceled ? undefined : result.filePaths[0];
}

/**
 * New Workspace: where to keep it, then the documents it starts with (a workspace
 * always shows at least one). Returns the opened workspace, or undefined when cancelled.
 */
export async function askNewWorkspace(win: BrowserWindow, hooks: ExportHooks): Promise<OpenedWorkspace | undefined> {
  const saved = await dialog.showSaveDialog(win, {
    title: 'New Workspace — where to keep it',
    defaultPath: `${app.getPath('documents')}/My project.json`,
    filters: WORKSPACE_FILTERS,
  });
  if (saved.canceled || !saved.filePath) return undefined;
  const path = extname(saved.filePath) ? saved.filePath : `${saved.filePath}.json`;
  const files = await dialog.showOpenDialog(win, {
    title: 'New Workspace — the documents it starts with',
    filters: IMPORT_FILTERS,
    properties: ['openFile', 'multiSelections'],
  });
  if (files.canceled || files.filePaths.length === 0) return undefined;
  // Every file is read first: one that cannot be imported stops the new workspace with its message.
  const scratch = { documents: [], annotations: [], links: [], codebook: [] } as unknown as WorkspaceFile;
  for (const file of files.filePaths) {
    const imported = await importFromDisk(file);
    placeImport(scratch, imported, metaWithFallbacks(imported.meta, file), { fileName: file, source: file });
  }
  const documents: DocumentRecord[] = scratch.documents;
  return openWorkspace(path, 'electron', {
    seed: async () => documents,
    name: basename(path, extname(path)),
    exportHooks: hooks,
  });
}
