/** Opening a workspace with everything behind the contract, for any transport. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../common/api';
import { appRoot, samplesDir } from './paths';
import { readDocumentFolder } from './sources';
import type { DocumentRecord } from '../../common/model';
import type { ExportHooks } from './export/service';
import { createWorkspaceService } from './workspace-service';
import { WorkspaceStore } from './store/workspace-store';

export interface OpenedWorkspace {
  store: WorkspaceStore;
  handlers: ApiHandlers;
}

/** The version in package.json. */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface OpenWorkspaceOptions {
  /** How exports ask where to write and show their file (desktop dialogs). */
  exportHooks?: ExportHooks;
  /** Documents of a new workspace (default: the samples) and its name. */
  seed?: () => Promise<DocumentRecord[]>;
  name?: string;
}

/** Opens the workspace at `path`, seeding a new one from samples/ unless told otherwise. */
export async function openWorkspace(
  path: string,
  mode: 'electron' | 'browser',
  options: OpenWorkspaceOptions = {},
): Promise<OpenedWorkspace> {
  const store = await WorkspaceStore.open(path, {
    seed: options.seed ?? (() => readDocumentFolder(samplesDir())),
    name: options.name ?? 'Japan, Russia and the Ukraine war',
  });
  return {
    store,
    handlers: createWorkspaceService({ store, mode, version: appVersion(), exportHooks: options.exportHooks }),
  };
}
