import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host';
import { openWorkspace, type OpenedWorkspace } from '../../main/services/app';

let host: RunningHost;
let opened: OpenedWorkspace;
let closed = false;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-host-events-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  opened = await openWorkspace(join(dir, 'workspace.json'), 'browser');
  host = await startHost({ handlers: opened.handlers, staticDir, events: opened.events, keepAliveMs: 100 });
  closed = false;
});

afterEach(async () => {
  if (!closed) await host.close();
  await opened.store.close();
});

/** Opens a request and resolves once the answer's headers arrive. */
function open(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

const read = (res: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d: string) => (body += d));
    res.on('end', () => resolve(body));
  });

/** Collects a stream's text as it arrives. */
function collect(res: IncomingMessage): { text: () => string; ended: Promise<void> } {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (d: string) => (text += d));
  return { text: () => text, ended: new Promise((resolve) => res.on('end', resolve)) };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

/** The events in a stream's text: id, name and parsed payload, comments left out. */
function parse(text: string): { id?: string; event?: string; data: unknown }[] {
  const found: { id?: string; event?: string; data: unknown }[] = [];
  for (const block of text.split('\n\n')) {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const m = /^(id|event|data): (.*)$/.exec(line);
      if (m) fields[m[1]] = m[2];
    }
    if (fields.event) found.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data) });
  }
  return found;
}

describe("the host's event stream", () => {
  it('refuses a stream without the token, with a wrong one, from another site, or by POST', async () => {
    const none = await open('/events');
    expect(none.statusCode).toBe(401);
    expect(JSON.parse(await read(none))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await open(`/events?token=${'x'.repeat(host.token.length)}`)).statusCode).toBe(401);
    // The header the API calls use is not enough here: the stream takes the query parameter only.
    expect((await open('/events', { authorization: `Bearer ${host.token}` })).statusCode).toBe(401);
    const foreign = await open(`/events?token=${host.token}`, { origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const crossSite = await open(`/events?token=${host.token}`, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect((await open(`/events?token=${host.token}`, {}, 'POST')).statusCode).toBe(405);
  });

  it('streams events in the order emitted, with keep-alive comments', async () => {
    const res = await open(`/events?token=${host.token}`, { accept: 'text/event-stream' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const stream = collect(res);
    await until(() => stream.text().includes(': connected'));
    await opened.handlers.createTag({ name: 'Energy security' }); // pending, then saved
    opened.events.emit('workspaceChanged', { what: ['suggestions'], origin: 'align' });
    opened.events.emit('alignProgress', { id: 'align-9', state: 'running', stage: 'passages', done: 1, total: 4 });
    await until(() => parse(stream.text()).length >= 4);
    const got = parse(stream.text());
    expect(got.map((e) => e.event)).toEqual(['storeStatus', 'storeStatus', 'workspaceChanged', 'alignProgress']);
    expect(got.map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    expect(got[0].data).toMatchObject({ state: 'pending' });
    expect(got[1].data).toMatchObject({ state: 'saved' });
    expect(got[3].data).toEqual({ id: 'align-9', state: 'running', stage: 'passages', done: 1, total: 4 });
    await until(() => stream.text().includes(': keep-alive'));
    // A page that goes away stops being sent anything.
    expect(opened.events.size).toBe(1);
    res.destroy();
    await until(() => opened.events.size === 0);
  });

  it('tells every other page what a call changed, never the page that made it, and nothing for reads or refusals', async () => {
    const stream = (window?: string) =>
      open(`/events?token=${host.token}${window ? `&window=${window}` : ''}`).then((res) => collect(res));
    const [mine, theirs, unnamed] = await Promise.all([stream('page-aaaa-1111'), stream('page-bbbb-2222'), stream()]);
    await until(() => [mine, theirs, unnamed].every((s) => s.text().includes(': connected')));
    const callAs = (name: string, body: unknown, window?: string) =>
      fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${host.token}`,
          ...(window ? { 'x-parallax-window': window } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await callAs('getCodebook', {}, 'page-aaaa-1111')).status).toBe(200);
    expect((await callAs('createTag', { name: '' }, 'page-aaaa-1111')).status).toBe(400);
    expect((await callAs('createTag', { name: 'Energy security' }, 'page-aaaa-1111')).status).toBe(200);
    expect((await callAs('createTag', { name: 'Gas' }, 'not a window id!')).status).toBe(200); // a script
    const changes = (s: { text: () => string }) =>
      parse(s.text())
        .filter((e) => e.event === 'workspaceChanged')
        .map((e) => e.data);
    await until(() => changes(theirs).length === 2 && changes(unnamed).length === 2);
    expect(changes(theirs)).toEqual([
      { what: ['codebook'], origin: 'window:page-aaaa-1111' },
      { what: ['codebook'], origin: 'api' },
    ]);
    expect(changes(unnamed)).toEqual(changes(theirs));
    expect(changes(mine)).toEqual([{ what: ['codebook'], origin: 'api' }]);
  });

  it('ends open streams when the host stops, and the host stops promptly', async () => {
    const streams = await Promise.all([1, 2].map(() => open(`/events?token=${host.token}`)));
    const ends = streams.map((res) => collect(res).ended);
    // Resolves only if both the server and the open streams are closed (else the test times out).
    await host.close();
    closed = true;
    await Promise.all(ends);
    // Nobody is left listening to the workspace's events.
    opened.events.emit('workspaceChanged', { what: ['links'] });
    expect(opened.events.size).toBe(0);
  });
});
