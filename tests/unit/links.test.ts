import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../common/api';
import { SCHEMA_VERSION, type Link, type NodeJSON, type Suggestion } from '../../common/model';
import { createWorkspaceService } from '../../main/services/app';
import type { WorkspaceStore } from '../../main/services/store/workspace-store';
import { docRecord, openStore, tempWorkspace, contractCalls } from './store/helpers';

const A = [
  'Economic relations between the two countries have largely collapsed since the invasion.',
  'Tokyo joined the sanctions within days.',
];
const B = [
  'Trade went on: Tokyo continues to buy Russian oil, coal and gas.',
  'A short second paragraph about something else.',
];
const C = ['Imports of energy from Russia still matter to Japan, the ministry says.'];

let path: string;
let store: WorkspaceStore;
let api: ApiHandlers;

const seed = async () => [docRecord('doc-a', A), docRecord('doc-b', B), docRecord('doc-c', C)];

const { ok, fails } = contractCalls(() => api);
/** A passage reference to `phrase` in a document of paragraphs. */
const at = (doc: string, paragraphs: string[], phrase: string, revision = 0) => {
  const start = paragraphs.join('\n\n').indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { doc, revision, start, end: start + phrase.length };
};
const paragraphs = (texts: string[]): NodeJSON => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});
const conflict = () =>
  ok<Link>('createLink', {
    relation: 'conflict',
    ends: [at('doc-a', A, 'have largely collapsed'), at('doc-b', B, 'continues to buy Russian oil')],
    note: 'Collapse or continuity?',
  });

async function reopen(): Promise<void> {
  await store.close();
  store = await openStore(path, { seed });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
}

beforeEach(async () => {
  path = tempWorkspace();
  store = await openStore(path, { seed });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
});
afterEach(() => store.close());

describe('links', () => {
  it('joins passages of two documents with a relation, a note and tags, anchored by position and quote, and keeps them', async () => {
    const link = await ok<Link>('createLink', {
      relation: 'conflict',
      ends: [at('doc-a', A, ' have largely collapsed '), at('doc-b', B, 'continues to buy Russian oil')],
      tags: ['sanctions', 'sanctions'],
      note: 'Collapse or continuity?',
    });
    expect(link.relation).toBe('conflict');
    expect(link.tags).toEqual(['sanctions']);
    expect(link.ends[0]).toMatchObject({ doc: 'doc-a', orphan: false, quote: { exact: 'have largely collapsed' } });
    expect(link.ends[0].quote.prefix.endsWith('countries ')).toBe(true);
    expect(link.ends[1].quote.exact).toBe('continues to buy Russian oil');
    await reopen();
    expect((await ok<{ links: Link[] }>('listLinks', {})).links).toEqual([link]);
  });

  it('refuses links that are not links: one passage, the same passage twice, unknown tags, stale or empty selections', async () => {
    expect((await fails('createLink', { relation: 'agree', ends: [at('doc-a', A, 'Tokyo')] })).code).toBe(
      'invalid-input',
    );
    const same = at('doc-a', A, 'Tokyo');
    expect((await fails('createLink', { relation: 'agree', ends: [same, same] })).message).toMatch(/twice/);
    const ends = [at('doc-a', A, 'Tokyo'), at('doc-b', B, 'Tokyo')];
    expect((await fails('createLink', { relation: 'agree', ends, tags: ['no-such-tag'] })).message).toMatch(/No tag/);
    expect((await fails('createLink', { relation: 'maybe', ends })).code).toBe('invalid-input');
    const stale = { ...ends[1], revision: 5 };
    expect((await fails('createLink', { relation: 'agree', ends: [ends[0], stale] })).code).toBe('conflict');
    const empty = { ...ends[1], end: ends[1].start };
    expect((await fails('createLink', { relation: 'agree', ends: [ends[0], empty] })).message).toMatch(/empty/);
    expect((await ok<{ links: Link[] }>('listLinks', {})).links).toHaveLength(0);
  });

  it('joins more than two passages (one point, several authors) and drops one again, never below two', async () => {
    const link = await conflict();
    const three = await ok<Link>('addLinkEnd', { id: link.id, ...at('doc-c', C, 'Imports of energy from Russia') });
    expect(three.ends.map((e) => e.doc)).toEqual(['doc-a', 'doc-b', 'doc-c']);
    const two = await ok<Link>('removeLinkEnd', { id: link.id, index: 1 });
    expect(two.ends.map((e) => e.doc)).toEqual(['doc-a', 'doc-c']);
    expect((await fails('removeLinkEnd', { id: link.id, index: 0 })).message).toMatch(/delete the link/);
  });

  it('follows its passages through an edit of the text, by the ranges the editor mapped or else by quote', async () => {
    const link = await conflict();
    const edited = ['Trade went on, as before: Tokyo continues to buy Russian oil, coal and gas.', B[1]];
    const res = await ok<{ orphaned: number }>('saveDocument', {
      id: 'doc-b',
      doc: paragraphs(edited),
      baseRevision: 0,
    });
    expect(res.orphaned).toBe(0);
    const moved = (await ok<{ links: Link[] }>('listLinks', {})).links[0];
    const text = edited.join('\n\n');
    expect(text.slice(moved.ends[1].start, moved.ends[1].end)).toBe('continues to buy Russian oil');
    expect(moved.ends[1].revision).toBe(1);
    expect(moved.ends[0]).toEqual(link.ends[0]);

    // The editor mapped the end itself (e.g. a one-letter edit inside the passage).
    const typo = ['Trade went on, as before: Tokyo continues to buy Russian oils, coal and gas.', B[1]];
    const mappedStart = typo.join('\n\n').indexOf('continues');
    await ok('saveDocument', {
      id: 'doc-b',
      doc: paragraphs(typo),
      baseRevision: 1,
      anchors: [{ id: `${link.id}:1`, start: mappedStart, end: mappedStart + 'continues to buy Russian oils'.length }],
    });
    const after = (await ok<{ links: Link[] }>('listLinks', {})).links[0].ends[1];
    expect(after).toMatchObject({ orphan: false, revision: 2, quote: { exact: 'continues to buy Russian oils' } });
  });

  it('keeps an end whose text is gone as an orphan to re-attach, never dropping the link', async () => {
    const link = await conflict();
    await ok('saveDocument', { id: 'doc-b', doc: paragraphs(['Entirely new words.', B[1]]), baseRevision: 0 });
    let [kept] = (await ok<{ links: Link[] }>('listLinks', {})).links;
    expect(kept.ends[1].orphan).toBe(true);
    expect(kept.ends[0].orphan).toBe(false);
    kept = await ok<Link>('reattachLinkEnd', {
      id: link.id,
      index: 1,
      ...at('doc-b', ['Entirely new words.'], 'new words', 1),
    });
    expect(kept.ends[1]).toMatchObject({ orphan: false, quote: { exact: 'new words' }, revision: 1 });
  });

  it('undoes and redoes making, changing and deleting a link in the same history as tagging', async () => {
    const link = await conflict();
    await ok('createAnnotation', { ...at('doc-a', A, 'Tokyo joined'), tags: ['sanctions'], note: '' });
    await ok('updateLink', { id: link.id, relation: 'related' });
    await ok('deleteLink', { id: link.id });
    expect((await ok<{ links: Link[] }>('listLinks', {})).links).toHaveLength(0);
    expect((await ok<{ label: string }>('undo', {})).label).toMatch(/Delete/);
    expect((await ok<{ links: Link[] }>('listLinks', {})).links[0].relation).toBe('related');
    expect((await ok<{ label: string }>('undo', {})).label).toMatch(/Mark as link/);
    expect((await ok<{ links: Link[] }>('listLinks', {})).links[0].relation).toBe('conflict');
    expect((await ok<{ label: string }>('undo', {})).label).toBe('Tag passage');
    expect((await ok<{ label: string }>('undo', {})).label).toBe('New conflict');
    expect((await ok<{ links: Link[] }>('listLinks', {})).links).toHaveLength(0);
    await ok('redo', {});
    expect((await ok<{ links: Link[] }>('listLinks', {})).links).toEqual([link]);
  });

  it('loses a deleted tag and takes the merged one, and counts in the codebook usage', async () => {
    const link = await ok<Link>('createLink', {
      relation: 'agree',
      ends: [at('doc-a', A, 'Tokyo'), at('doc-b', B, 'Tokyo')],
      tags: ['sanctions', 'deterrence'],
    });
    const book = await ok<{ usage: Record<string, number> }>('getCodebook', {});
    expect(book.usage.sanctions).toBe(1);
    await ok('mergeTags', { from: ['deterrence'], into: 'engagement' });
    await ok('deleteTag', { id: 'sanctions', annotations: 'delete' });
    const [after] = (await ok<{ links: Link[] }>('listLinks', {})).links;
    expect(after.id).toBe(link.id);
    expect(after.tags).toEqual(['engagement']);
  });
});

describe('suggestion decisions', () => {
  const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
    id: 'al-1',
    relation: 'conflict',
    score: 0.7,
    confidence: null,
    a: { text: 'have largely collapsed', ...at('doc-a', A, 'have largely collapsed') },
    b: {
      text: 'continues to buy Russian oil',
      ...at('doc-b', B, 'continues to buy Russian oil'),
    },
    evidence: [],
    status: 'suggested',
    ...over,
  });

  it('accepting makes a link that survives an edit of one side; dismissing and restoring are undoable', async () => {
    await store.update((d) => void (d.suggestions = [suggestion(), suggestion({ id: 'al-2', relation: 'agree' })]));
    const { suggestion: s, link } = await ok<{ suggestion: Suggestion; link: Link }>('setSuggestionStatus', {
      id: 'al-1',
      status: 'accepted',
      relation: 'related',
    });
    expect(s.status).toBe('accepted');
    expect(link).toMatchObject({ relation: 'related', suggestion: 'al-1' });
    const edited = ['Trade went on: Tokyo continues to buy Russian oil, coal and LNG.', B[1]];
    await ok('saveDocument', { id: 'doc-b', doc: paragraphs(edited), baseRevision: 0 });
    await reopen();
    const [kept] = (await ok<{ links: Link[] }>('listLinks', {})).links;
    expect(kept.ends.map((e) => [e.orphan, e.quote.exact])).toEqual([
      [false, 'have largely collapsed'],
      [false, 'continues to buy Russian oil'],
    ]);

    await ok('setSuggestionStatus', { id: 'al-2', status: 'dismissed' });
    expect(store.data.suggestions.find((x) => x.id === 'al-2')?.status).toBe('dismissed');
    expect((await ok<{ label: string }>('undo', {})).label).toBe('Dismiss suggestion');
    expect(store.data.suggestions.find((x) => x.id === 'al-2')?.status).toBe('suggested');

    // Taking an acceptance back removes its link; undo brings both back.
    await ok('setSuggestionStatus', { id: 'al-1', status: 'suggested' });
    expect(store.data.links).toHaveLength(0);
    await ok('undo', {});
    expect(store.data.links).toHaveLength(1);
    expect(store.data.suggestions.find((x) => x.id === 'al-1')?.status).toBe('accepted');
  });

  it('a workspace of the previous format has its accepted suggestions turned into links on open', async () => {
    await store.close();
    const old = {
      schemaVersion: 2,
      name: 'Old',
      documents: [docRecord('doc-a', A), docRecord('doc-b', B)],
      layout: { panes: [{ id: 'p1', docId: 'doc-a' }] },
      concepts: [],
      suggestions: [suggestion({ status: 'accepted' }), suggestion({ id: 'al-2' })],
      codebook: [],
      annotations: [],
    };
    writeFileSync(path, JSON.stringify(old));
    store = await openStore(path, { seed });
    api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    const { links } = await ok<{ links: Link[] }>('listLinks', {});
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ relation: 'conflict', suggestion: 'al-1' });
    expect(links[0].ends[0].quote.prefix.endsWith('countries ')).toBe(true);
  });
});
