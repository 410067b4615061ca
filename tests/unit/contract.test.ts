import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, dispatch, type ApiHandlers } from '../../common/api';
import { CALL_NAMES } from '../../common/channels';
import { openWorkspace, type OpenedWorkspace } from '../../main/services/app';

let handlers: ApiHandlers;
let path: string;
let opened: OpenedWorkspace | undefined;

beforeEach(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'parallax-contract-')), 'workspace.json');
  opened = await openWorkspace(path, 'browser');
  handlers = opened.handlers;
});

afterEach(async () => {
  await opened?.store.close();
  opened = undefined;
});

/** Closes the workspace and opens it again, as a restart does. */
async function reopen(): Promise<ApiHandlers> {
  await opened?.store.close();
  opened = await openWorkspace(path, 'browser');
  return opened.handlers;
}

describe('the contract', () => {
  it('declares exactly the calls every transport exposes', () => {
    expect(Object.keys(contract)).toEqual([...CALL_NAMES]);
  });

  it('rejects payloads of the wrong shape with a typed error naming the field', async () => {
    const cases: [string, unknown][] = [
      ['getDocument', { id: 5 }],
      ['getDocument', {}],
      ['getDocument', { id: '../etc/passwd' }],
      ['getDocument', { id: 'x', extra: true }],
      ['getDocument', 'hornung-2022'],
      ['saveDocument', { id: 'hornung-2022', doc: { type: 'doc' }, baseRevision: -1 }],
      ['saveDocument', { id: 'hornung-2022', doc: 'text', baseRevision: 0 }],
      ['saveLayout', { panes: [] }],
      ['saveLayout', { panes: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, docId: 'hornung-2022' })) }],
      ['listDocuments', { unexpected: 1 }],
    ];
    for (const [name, input] of cases) {
      const result = await dispatch(handlers, name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const bad = await dispatch(handlers, 'getDocument', { id: 5 });
    expect(!bad.ok && bad.error.message).toMatch(/id: .*expected string/);
  });

  it('refuses text that cannot be stored or exported, and nesting past the limits, naming where', async () => {
    const nul = await dispatch(handlers, 'createTag', { name: 'Fine', description: 'a\u0000b' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /description: .*U\+0000/ } });
    const lone = await dispatch(handlers, 'createTag', { name: 'half \ud83d' });
    expect(lone).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /name: .*unpaired surrogate/ } });
    let node: unknown = { type: 'paragraph' };
    for (let i = 0; i < 101; i++) node = { type: 'blockquote', content: [node] };
    const deep = await dispatch(handlers, 'saveDocument', { id: 'hornung-2022', doc: node, baseRevision: 0 });
    expect(deep).toMatchObject({ ok: false, error: { code: 'too-deep', message: /more than 100 levels/ } });
    // Emoji (a proper surrogate pair), tabs and line breaks are ordinary text.
    const fine = await dispatch(handlers, 'createTag', { name: 'Ok 🙂', description: 'tab\there\nline' });
    expect(fine).toMatchObject({ ok: true });
  });

  it('answers unknown calls and unknown documents with typed errors', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch(handlers, 'getDocument', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const layout = await dispatch(handlers, 'saveLayout', { panes: [{ id: 'pane-1', docId: 'nope' }] });
    expect(layout).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('saves an edited document, bumps its revision and refuses a stale save', async () => {
    const got = await dispatch(handlers, 'getDocument', { id: 'rinna-2016' });
    if (!got.ok) throw new Error('getDocument failed');
    const doc = (got.value as { doc: { content: unknown[] } }).doc;
    const edited = {
      ...doc,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New opening.' }] }, ...doc.content],
    };
    expect(await dispatch(handlers, 'saveDocument', { id: 'rinna-2016', doc: edited, baseRevision: 0 })).toEqual({
      ok: true,
      value: { revision: 1, orphaned: 0 },
    });
    const stale = await dispatch(handlers, 'saveDocument', { id: 'rinna-2016', doc, baseRevision: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await opened!.store.flush();
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    const rinna = onDisk.documents.find((d: { id: string }) => d.id === 'rinna-2016');
    expect(rinna.revision).toBe(1);
    expect(JSON.stringify(rinna.doc)).toContain('New opening.');
  });

  it('refuses a document that does not fit the schema, and keeps the stored one', async () => {
    const invalid = [
      { type: 'doc', content: [{ type: 'script', content: [] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'heading' }] }] },
      { type: 'paragraph', content: [] },
      { type: 'doc', content: [] },
    ];
    for (const doc of invalid) {
      const result = await dispatch(handlers, 'saveDocument', { id: 'rinna-2016', doc, baseRevision: 0 });
      expect(result, JSON.stringify(doc)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const got = await dispatch(handlers, 'getDocument', { id: 'rinna-2016' });
    expect(got).toMatchObject({ ok: true, value: { revision: 0 } });
  });

  it('keeps the layout across a reopen', async () => {
    const panes = [
      { id: 'pane-2', docId: 'oshea-2024' },
      { id: 'pane-1', docId: 'rinna-2016' },
    ];
    expect(await dispatch(handlers, 'saveLayout', { panes })).toEqual({ ok: true, value: { panes } });
    const reopened = await reopen();
    const ws = await dispatch(reopened, 'getWorkspace', {});
    expect(ws).toMatchObject({ ok: true, value: { layout: { panes } } });
  });
});

describe('the workspace file', () => {
  it('starts with the four samples, oldest first', async () => {
    const ws = await dispatch(handlers, 'getWorkspace', {});
    if (!ws.ok) throw new Error('getWorkspace failed');
    const value = ws.value as { documents: unknown[]; layout: { panes: { docId: string }[] } };
    expect(value.documents).toHaveLength(4);
    expect(value.layout.panes.map((p) => p.docId)).toEqual([
      'rinna-2016',
      'hornung-2022',
      'nagy-nguyen-2023',
      'oshea-2024',
    ]);
  });

  it('moves a damaged file aside, keeps it, starts anew and tells the user', async () => {
    for (const damage of [
      '{"schemaVersion": 1, "documents": [',
      'not json at all',
      JSON.stringify({ schemaVersion: 1, documents: 'x' }),
    ]) {
      await opened?.store.close();
      writeFileSync(path, damage);
      rmSync(`${path}.backups`, { recursive: true, force: true });
      opened = await openWorkspace(path, 'browser');
      const reopened = opened;
      const ws = await dispatch(reopened.handlers, 'getWorkspace', {});
      expect(ws).toMatchObject({ ok: true });
      const notices = (ws as { value: { notices: string[] } }).value.notices;
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/could not be read.*kept as.*No good backup/);
      const dir = join(path, '..');
      const kept = readdirSync(dir).filter((n) => n.startsWith('workspace.json.damaged-'));
      expect(kept.some((n) => readFileSync(join(dir, n), 'utf8') === damage)).toBe(true);
      // Told once only.
      const again = await dispatch(reopened.handlers, 'getWorkspace', {});
      expect((again as { value: { notices: string[] } }).value.notices).toEqual([]);
    }
  });
});
