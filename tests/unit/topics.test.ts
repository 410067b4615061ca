import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiHandlers, type TopicRef } from '../../common/api';
import type { Link, Topic } from '../../common/model';
import { groupTopics } from '../../common/overviews';
import { createWorkspaceService } from '../../main/services/app';
import type { WorkspaceStore } from '../../main/services/store/workspace-store';
import { docRecord, openStore, tempWorkspace, contractCalls } from './store/helpers';

const A = ['Tokyo watches Beijing closely.', 'The Northern Territories remain disputed.'];
const B = ['China and Russia align.', 'The northern territories are a bargaining chip.'];
const C = ['Energy imports from Russia continue.'];

let path: string;
let store: WorkspaceStore;
let api: ApiHandlers;
const seed = async () => [docRecord('doc-a', A), docRecord('doc-b', B), docRecord('doc-c', C)];

const { ok } = contractCalls(() => api);
const at = (doc: string, paragraphs: string[], phrase: string) => {
  const start = paragraphs.join('\n\n').indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { doc, revision: 0, start, end: start + phrase.length };
};
const makeLink = (relation: string, ends: ReturnType<typeof at>[]) => ok<Link>('createLink', { relation, ends });
/** The rows as the grid shows them, as the renderer names them to the service. */
async function rows(): Promise<{ refs: TopicRef[]; names: (string | null)[]; links: string[][] }> {
  const { links } = await ok<{ links: Link[] }>('listLinks', {});
  const { topics } = await ok<{ topics: Topic[] }>('listTopics', {});
  const groups = groupTopics(links, topics);
  return {
    refs: groups.map((g) => ({ id: g.record?.id, links: g.links.map((l) => l.id) })),
    names: groups.map((g) => g.record?.name ?? null),
    links: groups.map((g) => g.links.map((l) => l.id)),
  };
}

beforeEach(async () => {
  path = tempWorkspace();
  store = await openStore(path, { seed });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
});
afterEach(() => store.close());

describe('topic rows', () => {
  it('names, merges and reorders rows, keeps them over a restart, and undoes each step', async () => {
    const x = await makeLink('conflict', [at('doc-a', A, 'Beijing'), at('doc-b', B, 'China')]);
    const y = await makeLink('agree', [at('doc-a', A, 'Northern Territories'), at('doc-b', B, 'northern territories')]);
    const z = await makeLink('related', [at('doc-b', B, 'Russia'), at('doc-c', C, 'Russia')]);
    let r = await rows();
    expect(r.links).toEqual([[x.id], [y.id], [z.id]]);

    // Naming the second row keeps every row in place.
    await ok('nameTopic', { order: r.refs, index: 1, name: 'The islands' });
    r = await rows();
    expect(r.names).toEqual([null, 'The islands', null]);
    expect(r.links).toEqual([[x.id], [y.id], [z.id]]);

    await ok('orderTopics', { order: [r.refs[2], r.refs[0], r.refs[1]] });
    r = await rows();
    expect(r.links).toEqual([[z.id], [x.id], [y.id]]);

    await ok('mergeTopics', { order: r.refs, into: 2, from: [0] });
    r = await rows();
    expect(r.links.map((l) => l.sort())).toEqual([[x.id], [y.id, z.id].sort()]);
    expect(r.names).toEqual([null, 'The islands']);

    await store.close();
    store = await openStore(path, { seed });
    api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
    expect((await rows()).names).toEqual([null, 'The islands']);

    // A fresh history after a restart: redo the steps, then undo them.
    await ok('nameTopic', { order: (await rows()).refs, index: 0, name: 'Beijing' });
    expect((await rows()).names).toEqual(['Beijing', 'The islands']);
    expect(await ok('undo', {})).toMatchObject({ label: 'Name topic “Beijing”' });
    expect((await rows()).names).toEqual([null, 'The islands']);
  });

  it('undoes a merge and a reorder exactly', async () => {
    const x = await makeLink('conflict', [at('doc-a', A, 'Beijing'), at('doc-b', B, 'China')]);
    const y = await makeLink('agree', [at('doc-a', A, 'Northern Territories'), at('doc-b', B, 'northern territories')]);
    let r = await rows();
    await ok('orderTopics', { order: [r.refs[1], r.refs[0]] });
    r = await rows();
    await ok('mergeTopics', { order: r.refs, into: 0, from: [1] });
    expect((await rows()).links).toEqual([[x.id, y.id]]);
    await ok('undo', {});
    expect((await rows()).links).toEqual([[y.id], [x.id]]);
    await ok('undo', {});
    expect((await rows()).links).toEqual([[x.id], [y.id]]);
    await ok('redo', {});
    expect((await rows()).links).toEqual([[y.id], [x.id]]);
  });

  it('makes a row from a tag once, and removes it', async () => {
    const tag = store.data.codebook[0];
    const topic = await ok<Topic>('addTagTopic', { tag: tag.id });
    expect(topic).toMatchObject({ tag: tag.id, links: [] });
    const again = await dispatch(api, 'addTagTopic', { tag: tag.id });
    expect(again.ok).toBe(false);
    expect((await dispatch(api, 'addTagTopic', { tag: 'no-such-tag' })).ok).toBe(false);
    await ok('deleteTopic', { id: topic.id });
    expect((await ok<{ topics: Topic[] }>('listTopics', {})).topics).toEqual([]);
  });

  it('refuses an order naming an unknown topic or one topic twice, and a row index past the end', async () => {
    await makeLink('conflict', [at('doc-a', A, 'Beijing'), at('doc-b', B, 'China')]);
    const r = await rows();
    expect((await dispatch(api, 'orderTopics', { order: [{ id: 'tp-gone', links: [] }] })).ok).toBe(false);
    await ok('nameTopic', { order: r.refs, index: 0, name: 'x' });
    const named = (await rows()).refs[0];
    expect((await dispatch(api, 'orderTopics', { order: [named, named] })).ok).toBe(false);
    expect((await dispatch(api, 'nameTopic', { order: [named], index: 3, name: 'y' })).ok).toBe(false);
  });
});

describe('bad input to the topic and search calls', () => {
  it('is refused with a clear error and changes nothing', async () => {
    await makeLink('conflict', [at('doc-a', A, 'Beijing'), at('doc-b', B, 'China')]);
    const r = await rows();
    const refused = async (name: string, input: unknown, code: string, message: RegExp) => {
      const res = await dispatch(api, name, input);
      expect(res.ok, name).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe(code);
        expect(res.error.message).toMatch(message);
      }
    };
    await refused('nameTopic', { order: r.refs, index: 0, name: 'x'.repeat(201) }, 'invalid-input', /name/);
    await refused('nameTopic', { order: r.refs, index: -1, name: 'x' }, 'invalid-input', /index/);
    await refused('nameTopic', { order: [{ links: ['not an id!'] }], index: 0, name: 'x' }, 'invalid-input', /links/);
    await refused('mergeTopics', { order: r.refs, into: 0, from: [] }, 'invalid-input', /from/);
    await refused('orderTopics', { order: 'all of them' }, 'invalid-input', /order/);
    await refused('addTagTopic', { tag: 'no-such-tag' }, 'not-found', /No tag/);
    await refused('deleteTopic', { id: 'tp-none' }, 'not-found', /No topic/);
    await refused('searchDocuments', { query: 'x'.repeat(501) }, 'invalid-input', /query/);
    await refused('searchDocuments', { query: 'x', limit: 10_000_000 }, 'invalid-input', /limit/);
    expect((await ok<{ topics: Topic[] }>('listTopics', {})).topics).toEqual([]);
    // Characters that mean something in a pattern are searched for as they are.
    const odd = await ok<{ total: number }>('searchDocuments', { query: '.*(' });
    expect(odd.total).toBe(0);
  });
});

describe('search across documents', () => {
  it('finds a phrase in two documents with context, a concept by its forms, and a tag by its passages', async () => {
    const phrase = await ok<{ hits: { doc: string; match: string; before: string }[]; total: number }>(
      'searchDocuments',
      { query: 'northern territories' },
    );
    expect(phrase.hits.map((h) => [h.doc, h.match])).toEqual([
      ['doc-a', 'Northern Territories'],
      ['doc-b', 'northern territories'],
    ]);
    expect(phrase.hits[0].before).toContain('Beijing closely.');

    const concept = await ok<{ hits: { doc: string; match: string; via: string }[] }>('searchDocuments', {
      query: 'China',
    });
    expect(concept.hits.map((h) => h.match)).toEqual(expect.arrayContaining(['Beijing', 'China']));

    const tag = store.data.codebook[0];
    await ok('createAnnotation', { ...at('doc-c', C, 'Energy imports'), tags: [tag.id] });
    const tagged = await ok<{ hits: { doc: string; match: string; via: string; label: string }[] }>('searchDocuments', {
      query: tag.name.toUpperCase(),
    });
    expect(tagged.hits[0]).toMatchObject({ doc: 'doc-c', match: 'Energy imports', via: 'tag', label: tag.name });
  });
});
