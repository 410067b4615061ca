import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host';
import { openWorkspace } from '../../main/services/app';

let host: RunningHost;

function send(
  path: string,
  options: { method?: string; token?: string; body?: string; hostHeader?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'POST',
        headers: {
          host: options.hostHeader ?? `127.0.0.1:${host.port}`,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  const { handlers } = await openWorkspace(join(dir, 'workspace.json'), 'browser');
  host = await startHost({ handlers, staticDir });
});

afterAll(() => host.close());

describe('the local host', () => {
  it('listens on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('rejects API calls without the token, or with a wrong one', async () => {
    expect((await send('/api/listDocuments', { body: '{}' })).status).toBe(401);
    expect((await send('/api/listDocuments', { body: '{}', token: 'x'.repeat(32) })).status).toBe(401);
    expect((await send('/api/getDocument', { body: '{"id":"rinna-2016"}', token: host.token.slice(1) })).status).toBe(
      401,
    );
    const ok = await send('/api/listDocuments', { body: '{}', token: host.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value).toHaveLength(4);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await send('/api/listDocuments', { body: '{}', token: host.token, hostHeader: 'evil.example:80' });
    expect(r.status).toBe(421);
  });

  it('answers bad JSON, unknown calls and wrong types with typed errors', async () => {
    const badJson = await send('/api/getDocument', { body: '{"id":', token: host.token });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.code).toBe('invalid-input');
    const unknown = await send('/api/dropTables', { body: '{}', token: host.token });
    expect(unknown.status).toBe(404);
    const wrongType = await send('/api/getDocument', { body: '{"id":[1,2]}', token: host.token });
    expect(JSON.parse(wrongType.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const getInstead = await send('/api/listDocuments', { method: 'GET', token: host.token });
    expect(getInstead.status).toBe(405);
  });

  it('serves the app without the token, with a CSP, and nothing outside its folder', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Parallax</title>');
    expect((await send('/../secret.txt', { method: 'GET' })).status).not.toBe(200);
    expect((await send('/%2e%2e/secret.txt', { method: 'GET' })).status).not.toBe(200);
  });
});
