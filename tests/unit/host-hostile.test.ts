import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../common/limits';
import { startHost, type RunningHost } from '../../main/host';
import { openWorkspace } from '../../main/services/app';
import { deepDocText } from './store/helpers';

let host: RunningHost;
let docId: string;

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Sends a raw request: any path, headers and body bytes (streamed in 1 MB pieces). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; noToken?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          'content-type': 'application/json',
          ...(options.noToken ? {} : { authorization: `Bearer ${host.token}` }),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : (options.body ?? Buffer.alloc(0));
    const piece = 1024 * 1024;
    let offset = 0;
    const pump = (): void => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + piece);
        offset += piece;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

const json = (value: unknown): string => JSON.stringify(value);

/** A saveDocument body whose document nests `depth` blockquotes (as text: too deep to stringify). */
function deepSave(depth: number): string {
  return `{"id":"${docId}","baseRevision":0,"doc":${deepDocText(depth)}}`;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-hostile-'));
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  const { handlers, store } = await openWorkspace(join(dir, 'workspace.json'), 'browser');
  docId = store.data.documents[0].id;
  host = await startHost({
    handlers: {
      ...handlers,
      // A handler failing unexpectedly, to see what leaks.
      getConcepts: async () => {
        throw new Error('ENOENT: /home/someone/.secret/internal-path');
      },
    },
    staticDir,
  });
});

afterAll(() => host.close());

/** Each hostile request, and the status and error code it must get. */
const cases: { name: string; send: () => Promise<Answer>; status: number; code?: string }[] = [
  { name: 'malformed percent-encoding', send: () => raw('/%E0%A4%A', { method: 'GET' }), status: 400 },
  { name: 'a lone percent sign in an asset path', send: () => raw('/assets/%', { method: 'GET' }), status: 400 },
  {
    name: 'a 50 MB body (answered, not reset)',
    send: () => raw('/api/listDocuments', { body: Buffer.alloc(50 * 1024 * 1024, 0x20) }),
    status: 413,
    code: 'too-large',
  },
  {
    name: 'a body just over the request limit',
    send: () => raw('/api/listDocuments', { body: Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20) }),
    status: 413,
    code: 'too-large',
  },
  {
    name: 'a page of another site holding the token (Origin)',
    send: () => raw('/api/listDocuments', { body: '{}', headers: { origin: 'https://evil.example' } }),
    status: 403,
    code: 'unauthorized',
  },
  {
    name: 'a cross-site fetch (Sec-Fetch-Site)',
    send: () => raw('/api/listDocuments', { body: '{}', headers: { 'sec-fetch-site': 'cross-site' } }),
    status: 403,
    code: 'unauthorized',
  },
  {
    name: 'a Latin-1 body',
    send: () => raw('/api/createTag', { body: Buffer.from('{"name":"Caf\xe9"}', 'latin1') }),
    status: 400,
    code: 'invalid-input',
  },
  {
    name: 'NUL in a tag name',
    send: () => raw('/api/createTag', { body: json({ name: 'a\u0000b' }) }),
    status: 400,
    code: 'invalid-input',
  },
  {
    name: 'a lone surrogate in a tag description',
    send: () => raw('/api/createTag', { body: '{"name":"Fine","description":"broken \\ud800 here"}' }),
    status: 400,
    code: 'invalid-input',
  },
  {
    name: 'a document 5,000 levels deep',
    send: () => raw('/api/saveDocument', { body: deepSave(5000) }),
    status: 400,
    code: 'too-deep',
  },
  {
    name: 'a document 1,000 levels deep',
    send: () => raw('/api/saveDocument', { body: deepSave(1000) }),
    status: 400,
    code: 'too-deep',
  },
  {
    name: 'a document just past the depth limit',
    send: () => raw('/api/saveDocument', { body: deepSave(110) }),
    status: 400,
    code: 'too-deep',
  },
  {
    name: 'input nested 100,000 deep',
    send: () => raw('/api/createTag', { body: `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }),
    status: 400,
    code: 'too-deep',
  },
  { name: 'bad JSON', send: () => raw('/api/getDocument', { body: '{"id":' }), status: 400, code: 'invalid-input' },
  {
    name: 'wrong types',
    send: () => raw('/api/getDocument', { body: json({ id: [1, 2] }) }),
    status: 400,
    code: 'invalid-input',
  },
  {
    name: 'an unknown document',
    send: () => raw('/api/getDocument', { body: json({ id: 'no-such-doc' }) }),
    status: 404,
    code: 'not-found',
  },
  { name: 'an unknown call', send: () => raw('/api/dropTables', { body: '{}' }), status: 404, code: 'unknown-call' },
  {
    name: 'a save from a stale revision',
    send: () =>
      raw('/api/saveDocument', {
        body: json({ id: docId, baseRevision: 99, doc: { type: 'doc', content: [{ type: 'paragraph' }] } }),
      }),
    status: 409,
    code: 'conflict',
  },
  {
    name: 'no token',
    send: () => raw('/api/listDocuments', { body: '{}', noToken: true }),
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'GET on a call',
    send: () => raw('/api/listDocuments', { method: 'GET' }),
    status: 405,
    code: 'invalid-input',
  },
  {
    name: 'a handler failing inside',
    send: () => raw('/api/getConcepts', { body: '{}' }),
    status: 500,
    code: 'internal',
  },
];

describe('the local host under hostile requests', () => {
  it('answers every one with a 4xx and a typed error (a 500 only for its own failure, without details)', async () => {
    const answered: string[] = [];
    for (const c of cases) {
      const answer = await c.send();
      expect(answer.status, c.name).toBe(c.status);
      if (c.code) {
        expect(answer.headers['x-content-type-options'], c.name).toBe('nosniff');
        expect(JSON.parse(answer.body), c.name).toMatchObject({ ok: false, error: { code: c.code } });
      }
      expect(answer.body, c.name).not.toMatch(/URIError|RangeError|ENOENT|\.secret|stack/);
      answered.push(`${answer.status} ${c.name}`);
    }
    console.log(`hostile requests answered correctly: ${answered.length}\n  ${answered.join('\n  ')}`);
  }, 60_000);

  it('still serves the app and answers good calls afterwards', async () => {
    expect((await raw('/', { method: 'GET' })).status).toBe(200);
    const ok = await raw('/api/listDocuments', { body: '{}', headers: { origin: `http://127.0.0.1:${host.port}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
  });
});
