import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../common/model';
import { backupsDir } from '../../../main/services/store/workspace-store';
import { recordListNames } from '../../../main/services/store/validate';
import { deepDocText, docRecord, openStore, tempWorkspace } from './helpers';

/** A valid workspace file named `name`, with one document. */
function workspaceText(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    name,
    documents: [docRecord('doc-a', ['Some text.'])],
    layout: { panes: [{ id: 'pane-1', docId: 'doc-a' }] },
    concepts: [],
    suggestions: [],
    codebook: [],
    annotations: [],
    ...extra,
  });
}

/** Puts a backup file with a recorded time into the workspace's backups folder. */
function putBackup(path: string, fileName: string, text: string): string {
  mkdirSync(backupsDir(path), { recursive: true });
  const file = join(backupsDir(path), fileName);
  writeFileSync(file, text);
  return file;
}

const NEWER = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, name: 'From the future' });

function damagedCopies(path: string): string[] {
  return readdirSync(dirname(path)).filter((n) => n.startsWith(`${basename(path)}.damaged-`));
}

describe('opening a damaged workspace', () => {
  it('skips (and names) a backup from a newer Parallax, opens the newest good one, and opens it again next time', async () => {
    const path = tempWorkspace();
    putBackup(path, 'workspace-2026-01-01T10-00-00-000Z.json', workspaceText('Good backup'));
    putBackup(path, 'workspace-2026-01-02T10-00-00-000Z.json', NEWER);
    writeFileSync(path, '{"schemaVersion": 2, "docu');
    const store = await openStore(path);
    expect(store.data.name).toBe('Good backup');
    expect(store.notices[0]).toMatch(/workspace-2026-01-01T10-00-00-000Z\.json/);
    expect(store.notices[0]).toMatch(/skipped: workspace-2026-01-02T10-00-00-000Z\.json \(.*newer version/);
    await store.close();
    // The next start opens the recovered workspace, not a fresh sample one.
    const again = await openStore(path);
    expect(again.data.name).toBe('Good backup');
    expect(again.notices).toEqual([]);
    await again.close();
    expect(readFileSync(join(dirname(path), damagedCopies(path)[0]), 'utf8')).toBe('{"schemaVersion": 2, "docu');
  });

  it('touches nothing when the only readable backups are from a newer Parallax, however often it is started', async () => {
    const path = tempWorkspace();
    putBackup(path, 'workspace-2026-01-02T10-00-00-000Z.json', NEWER);
    writeFileSync(path, 'damaged');
    for (let i = 0; i < 2; i++) {
      await expect(openStore(path)).rejects.toMatchObject({ code: 'storage', message: /newer version of Parallax/ });
      expect(readFileSync(path, 'utf8')).toBe('damaged');
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('recovers a missing workspace from its newest backup, and says so', async () => {
    const path = tempWorkspace();
    putBackup(path, 'workspace-2026-01-01T10-00-00-000Z.json', workspaceText('Older'));
    putBackup(path, 'workspace-2026-01-03T10-00-00-000Z.json', workspaceText('Newest'));
    const store = await openStore(path);
    expect(store.data.name).toBe('Newest');
    expect(store.notices[0]).toMatch(/was missing; the newest good backup \(workspace-2026-01-03T10-00-00-000Z\.json/);
    await store.close();
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('Newest');
  });

  it('orders backups by the time they were taken, not by file name', async () => {
    const path = join(dirname(tempWorkspace()), 'analysis.json');
    putBackup(path, 'analysis-2026-03-01T00-00-00-000Z.json', workspaceText('Newest'));
    putBackup(path, `before-format-${SCHEMA_VERSION}-2026-01-01T00-00-00-000Z.json`, workspaceText('Pre-upgrade'));
    writeFileSync(path, '[1, 2');
    const store = await openStore(path);
    expect(store.data.name).toBe('Newest');
    expect(store.notices[0]).toMatch(/newest good backup \(analysis-2026-03-01T00-00-00-000Z\.json/);
    await store.close();
  });

  it('does not take the damaged file for a backup while replacing it', async () => {
    const path = tempWorkspace();
    putBackup(path, 'workspace-2026-01-01T10-00-00-000Z.json', workspaceText('Good backup'));
    writeFileSync(path, 'garbage');
    const store = await openStore(path, { backupIntervalMs: 0 });
    await store.update((data) => {
      data.name = 'Edited';
    });
    await store.close();
    for (const name of readdirSync(backupsDir(path))) {
      expect(readFileSync(join(backupsDir(path), name), 'utf8')).not.toBe('garbage');
    }
  });
});

describe('invalid records', () => {
  it('keeps the valid records of every list, lists the invalid ones, and keeps the file verbatim', async () => {
    const path = tempWorkspace();
    const lists: Record<string, unknown[]> = Object.fromEntries(
      recordListNames.map((key) => [key, [{ id: `bad-${key}`, bogus: true }]]),
    );
    lists.documents = [docRecord('doc-a', ['Kept text.']), { id: 'bad-documents', bogus: true }];
    const text = workspaceText('Partly broken', lists);
    writeFileSync(path, text);
    const store = await openStore(path);
    expect(store.data.name).toBe('Partly broken');
    expect(store.data.documents.map((d) => d.id)).toEqual(['doc-a']);
    for (const key of recordListNames) {
      expect(store.notices[0], key).toContain(`${key}[`);
      if (key !== 'documents') expect((store.data as unknown as Record<string, unknown[]>)[key], key).toEqual([]);
    }
    expect(store.notices[0]).toMatch(/could not be read and were left out/);
    expect(readFileSync(join(dirname(path), damagedCopies(path)[0]), 'utf8')).toBe(text);
    await store.close();
  });

  it('covers documents, annotations, suggestions, codebook, concepts and links', () => {
    expect(recordListNames).toEqual(
      expect.arrayContaining(['documents', 'annotations', 'suggestions', 'codebook', 'concepts', 'links']),
    );
  });

  it('leaves out a document nested thousands of levels deep instead of failing to open', async () => {
    const path = tempWorkspace();
    const deep = JSON.stringify({ ...docRecord('deep', []), doc: 'DEEP' }).replace('"DEEP"', deepDocText(5000));
    const text = workspaceText('Deep', { documents: [docRecord('doc-a', ['Kept.']), 'SECOND'] });
    writeFileSync(path, text.replace('"SECOND"', deep));
    const store = await openStore(path);
    expect(store.data.documents.map((d) => d.id)).toEqual(['doc-a']);
    expect(store.notices[0]).toMatch(/documents\[1\] "deep" \(.*levels deep/);
    await store.close();
  });
});

describe('the lock, when two start at once', () => {
  it('respects a lock file another starter has just created but not yet filled', async () => {
    const path = tempWorkspace();
    writeFileSync(`${path}.lock`, '');
    await expect(openStore(path)).rejects.toMatchObject({ code: 'locked', message: /just opened/ });
    expect(existsSync(`${path}.lock`)).toBe(true);
  });

  it('takes over an unreadable lock file left long ago', async () => {
    const path = tempWorkspace();
    writeFileSync(`${path}.lock`, '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, past, past);
    const store = await openStore(path);
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
    await store.close();
  });
});
