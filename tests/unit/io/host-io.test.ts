import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../main/host';
import { openWorkspace, type OpenedWorkspace } from '../../../main/services/app';
import { exportsDir } from '../../../main/services/export/service';

let host: RunningHost;
let opened: OpenedWorkspace;
let base: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-host-io-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  const workspace = join(dir, 'workspace.json');
  opened = await openWorkspace(workspace, 'browser');
  host = await startHost({ handlers: opened.handlers, staticDir, exportsDir: exportsDir(workspace) });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await opened.store.close();
});

const api = async (name: string, body: unknown) =>
  (await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json())) as { ok: boolean; value: Record<string, unknown>; error?: { message: string } };

describe('import and export through the local host', () => {
  it('accepts a file larger than one document request for prepareImport only', async () => {
    const text = `${'A long paragraph of imported text. '.repeat(30)}\n\n`.repeat(1600); // ~1.7 MB
    const data = Buffer.from(text).toString('base64');
    const result = await api('prepareImport', { fileName: 'long.txt', data });
    expect(result.ok, result.error?.message).toBe(true);
    expect(result.value.stats).toMatchObject({ paragraphs: 1600 });
  });

  it('serves an export only with the token, and only from the exports folder', async () => {
    let job = (await api('startExport', { format: 'csv' })).value as { id: string; state: string; fileName: string };
    while (job.state === 'running') job = (await api('getExportJob', { id: job.id })).value as typeof job;
    expect(job.state).toBe('done');
    const url = `${base}/exports/${job.fileName}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${url}?token=${'x'.repeat(host.token.length)}`)).status).toBe(401);
    const ok = await fetch(`${url}?token=${host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.toString('utf8')).toMatch(/^\uFEFFkind,id,document/);
    for (const probe of ['..%2Fsecret.txt', '..%2F..%2Fsecret.txt', '%2E%2E%2Fworkspace.json']) {
      const r = await fetch(`${base}/exports/${probe}?token=${host.token}`);
      expect(r.status, probe).not.toBe(200);
    }
  });
});
