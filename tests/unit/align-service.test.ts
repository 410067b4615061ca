import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type AlignJob, type ApiHandlers } from '../../common/api';
import type { Counterparts } from '../../common/model';
import { openWorkspace } from '../../main/services/app';

let handlers: ApiHandlers;
let path: string;

beforeEach(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'parallax-align-')), 'workspace.json');
  handlers = (await openWorkspace(path, 'browser')).handlers;
});

async function runAlign(): Promise<AlignJob> {
  let job = await handlers.startAlign({});
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    job = await handlers.getAlignJob({ id: job.id });
  }
  return job;
}

describe('Align in the workspace', () => {
  it('stores suggestions with the revision of each side, kept in the workspace file', async () => {
    const job = await runAlign();
    expect(job.state).toBe('done');
    expect(job.count).toBeGreaterThan(50);
    const { suggestions, alignedAt } = await handlers.listSuggestions({});
    expect(suggestions).toHaveLength(job.count!);
    expect(alignedAt).toBeDefined();
    const s = suggestions[0];
    expect(s.status).toBe('suggested');
    expect(s.a.revision).toBe(0);
    expect(['agree', 'conflict', 'related']).toContain(s.relation);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.suggestions).toHaveLength(job.count!);
  });

  it('a second run while one is going returns the same run', async () => {
    const a = await handlers.startAlign({});
    const b = await handlers.startAlign({});
    expect(b.id).toBe(a.id);
    await runAlign();
  });

  it('re-running keeps what the analyst accepted or dismissed', async () => {
    await runAlign();
    const { suggestions } = await handlers.listSuggestions({});
    await handlers.setSuggestionStatus({ id: suggestions[0].id, status: 'dismissed' });
    await handlers.setSuggestionStatus({ id: suggestions[1].id, status: 'accepted' });
    await runAlign();
    const after = (await handlers.listSuggestions({})).suggestions;
    expect(after.filter((s) => s.id === suggestions[0].id)).toEqual([{ ...suggestions[0], status: 'dismissed' }]);
    expect(after.filter((s) => s.id === suggestions[1].id).map((s) => s.status)).toEqual(['accepted']);
    expect(new Set(after.map((s) => s.id)).size).toBe(after.length);
  });

  it('refuses unknown suggestions, bad statuses and duplicate concept ids with typed errors', async () => {
    const missing = await dispatch(handlers, 'setSuggestionStatus', { id: 'nope', status: 'accepted' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await dispatch(handlers, 'setSuggestionStatus', { id: 'x', status: 'maybe' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const dup = await dispatch(handlers, 'saveConcepts', {
      custom: [
        { id: 'a', label: 'A', forms: ['a'] },
        { id: 'a', label: 'B', forms: ['b'] },
      ],
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/"a"/) } });
    const empty = await dispatch(handlers, 'saveConcepts', { custom: [{ id: 'a', label: 'A', forms: [] }] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('uses the workspace concepts in the next run', async () => {
    const { defaults } = await handlers.getConcepts({});
    expect(defaults.length).toBeGreaterThan(20);
    await handlers.saveConcepts({
      custom: [
        {
          id: 'economic-ties',
          label: 'economic ties',
          forms: ['economic ties', 'economic relations', 'economic engagement'],
        },
      ],
    });
    await runAlign();
    const { suggestions } = await handlers.listSuggestions({});
    // Two different forms of the new concept count as one shared term.
    const notes = suggestions.flatMap((s) => s.evidence.filter((e) => e.kind === 'shared').map((e) => e.note));
    expect(notes).toContainEqual(
      expect.stringMatching(/economic (ties|relations|engagement) \/ economic (ties|relations|engagement)/),
    );
  });
});

describe('counterparts through the contract', () => {
  it('answer for a cursor in a sample with matches in the other documents, and refuse bad ranges', async () => {
    const docs = await handlers.listDocuments({});
    const r = await dispatch(handlers, 'getCounterparts', { doc: docs[0].id, start: 400, end: 400 });
    expect(r.ok).toBe(true);
    const value = (r as { ok: true; value: Counterparts }).value;
    expect(value.passage.start).toBeLessThanOrEqual(400);
    expect(value.passage.end).toBeGreaterThanOrEqual(400);
    const others = new Set(value.matches.map((m) => m.doc));
    expect(others.has(docs[0].id)).toBe(false);
    expect(others.size).toBe(docs.length - 1);
    for (const d of others) expect(value.matches.filter((m) => m.doc === d).length).toBeLessThanOrEqual(3);
    const bad = await dispatch(handlers, 'getCounterparts', { doc: docs[0].id, start: 5, end: 10_000_000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await dispatch(handlers, 'getCounterparts', { doc: 'nope', start: 0, end: 0 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
