/** Opening a workspace with everything behind the contract, for any transport. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../common/api';
import { appRoot, samplesDir } from './paths';
import { readDocumentFolder } from './sources';
import { createWorkspaceService } from './workspace-service';
import { WorkspaceStore } from './store/workspace-store';
import { EventHub } from './events';

export interface OpenedWorkspace {
  store: WorkspaceStore;
  handlers: ApiHandlers;
  /** Events the services push (Align progress, store status, changes made elsewhere). */
  events: EventHub;
}

/** The version in package.json. */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Opens the workspace at `path`, seeding a new one from samples/. */
export async function openWorkspace(path: string, mode: 'electron' | 'browser'): Promise<OpenedWorkspace> {
  const store = await WorkspaceStore.open(path, {
    seed: () => readDocumentFolder(samplesDir()),
    name: 'Japan, Russia and the Ukraine war',
  });
  const events = new EventHub();
  store.onStatus((status) => events.emit('storeStatus', status));
  return { store, events, handlers: createWorkspaceService({ store, mode, version: appVersion(), events }) };
}
