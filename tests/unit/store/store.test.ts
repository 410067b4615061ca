import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, WorkspaceFile } from '../../../common/model';
import { MIGRATIONS, migrate } from '../../../main/services/store/migrations';
import { backupsDir, listBackups } from '../../../main/services/store/workspace-store';
import { docRecord, openStore, tempWorkspace } from './helpers';

describe('migrations', () => {
  it('has one numbered step for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[v], `migration ${v}`).toBeTypeOf('function');
  });

  it('brings a version 1 file up to date with a starter codebook, and keeps a copy of the old file', async () => {
    const path = tempWorkspace();
    const v1 = {
      schemaVersion: 1,
      name: 'Old',
      documents: [docRecord('doc-a', ['Some text.'])],
      layout: { panes: [{ id: 'pane-1', docId: 'doc-a' }] },
    };
    writeFileSync(path, JSON.stringify(v1));
    const store = await openStore(path);
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.data.codebook.map((t) => t.name)).toContain('Deterrence');
    expect(store.data.annotations).toEqual([]);
    expect(store.notices.join(' ')).toMatch(/updated from file format 1/);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(WorkspaceFile.safeParse(onDisk).success).toBe(true);
    const copies = readdirSync(backupsDir(path)).filter((n) => n.startsWith('before-format-'));
    expect(JSON.parse(readFileSync(join(backupsDir(path), copies[0]), 'utf8')).schemaVersion).toBe(1);
    await store.close();
  });

  it('refuses a file from a newer Parallax and leaves it untouched', async () => {
    const path = tempWorkspace();
    const future = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, name: 'Future' });
    writeFileSync(path, future);
    await expect(openStore(path)).rejects.toThrow(/newer version of Parallax/);
    expect(readFileSync(path, 'utf8')).toBe(future);
    expect(() => migrate({ schemaVersion: 99 })).toThrow(/format 99/);
  });
});

describe('the lock', () => {
  it('keeps a second opener out with a clear error, and lets it in after close', async () => {
    const path = tempWorkspace();
    const first = await openStore(path);
    await expect(openStore(path)).rejects.toMatchObject({
      code: 'locked',
      message: /already open in another Parallax/,
    });
    await first.close();
    const second = await openStore(path);
    await second.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const path = tempWorkspace();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'x' }));
    const store = await openStore(path);
    await store.close();
  });
});

describe('writes', () => {
  it('queues several changes into one durable write', async () => {
    const path = tempWorkspace();
    const store = await openStore(path, { writeDelayMs: 20 });
    const writes: string[] = [];
    const results = await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        store.update((data) => {
          data.name = name;
          writes.push(name);
          return name;
        }),
      ),
    );
    expect(results).toEqual(['one', 'two', 'three']);
    expect(store.status().state).toBe('saved');
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('three');
    expect(readdirSync(dirname(path)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('fails the change whose write failed (full disk), keeps it in memory and retries until it lands', async () => {
    const path = tempWorkspace();
    let failures = 0;
    const { writeFile } = await import('node:fs/promises');
    const store = await openStore(path, {
      retryDelayMs: 10,
      steps: {
        async writeTemp(p, text) {
          if (failures > 0) {
            failures--;
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          await writeFile(p, text);
        },
      },
    });
    failures = 2;
    // Not acknowledged: the caller hears that the change is not on disk.
    await expect(
      store.update((data) => {
        data.name = 'Kept';
      }),
    ).rejects.toMatchObject({ code: 'storage', message: /no space left.*not on disk yet/ });
    expect(store.status()).toMatchObject({ state: 'failed', error: /no space left/ });
    expect(store.data.name).toBe('Kept');
    await expect.poll(() => store.status().state, { timeout: 2000 }).toBe('saved');
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('Kept');
    await store.close();
  });
});

describe('backups and recovery', () => {
  it('keeps one backup per interval and only the newest few', async () => {
    const path = tempWorkspace();
    const store = await openStore(path, { backupIntervalMs: 0, keepBackups: 3 });
    for (let i = 0; i < 6; i++) {
      await store.update((data) => {
        data.name = `Version ${i}`;
      });
      await new Promise((r) => setTimeout(r, 3)); // distinct timestamps in names
    }
    await store.close();
    const backups = await listBackups(path);
    expect(backups).toHaveLength(3);
    // Each backup is the file as it was before a later write: valid, and the newest is one step behind.
    expect(JSON.parse(readFileSync(backups[0], 'utf8')).name).toBe('Version 4');
  });

  it('recovers a damaged file from the newest valid backup, keeps the bad copy and says so', async () => {
    for (const damage of [
      '{"schemaVersion": 2, "documents": [',
      '\u0000\u0001garbage',
      '{"schemaVersion":2,"name":5}',
    ]) {
      const path = tempWorkspace();
      const store = await openStore(path, { backupIntervalMs: 0 });
      for (const name of ['Good state', 'Next', 'Latest']) {
        await store.update((data) => {
          data.name = name;
        });
        await new Promise((r) => setTimeout(r, 3));
      }
      await store.close();
      // The newest backup itself is damaged too: recovery skips it.
      const [newest] = await listBackups(path);
      writeFileSync(newest, 'truncated');
      writeFileSync(path, damage);
      const recovered = await openStore(path);
      expect(recovered.data.name).toBe('Good state');
      expect(recovered.notices[0]).toMatch(/could not be read.*kept as .*newest good backup/);
      const kept = readdirSync(dirname(path)).filter((n) => n.startsWith('workspace.json.damaged-'));
      expect(readFileSync(join(dirname(path), kept[0]), 'utf8')).toBe(damage);
      await recovered.close();
    }
  });
});
