import { describe, expect, it, vi } from 'vitest';
import { backupsDir, listBackups } from '../../../main/services/store/workspace-store';
import { openStore, tempWorkspace } from './helpers';

/** Paths of files fsynced, recorded by wrapping fs/promises' open. */
const synced = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      synced.push(String(args[0]));
      return sync();
    };
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

describe('backups', () => {
  it('are fsynced, with their folder, before the write they protect', async () => {
    const path = tempWorkspace();
    const store = await openStore(path, { backupIntervalMs: 0 });
    await store.update((data) => {
      data.name = 'Second state';
    });
    await store.close();
    const [backup] = await listBackups(path);
    expect(backup).toBeDefined();
    expect(synced).toContain(backup);
    expect(synced).toContain(backupsDir(path));
  });
});
