import { describe, expect, it, vi } from 'vitest';
import type { Link } from '../../../common/model';

const stored: { links: Link[] } = { links: [] };
vi.mock('../../../renderer/src/bridge', () => ({
  call: vi.fn(async (name: string) => {
    if (name === 'listLinks') return { links: stored.links };
    throw new Error(`unexpected call ${name}`);
  }),
}));
const { LinkModel } = await import('../../../renderer/src/links/link-model');
const { linkMarks } = await import('../../../renderer/src/links/link-marks');

const end = (doc: string, start: number, orphan = false, revision = 2) => ({
  doc,
  start,
  end: start + 5,
  quote: { exact: `${doc} words`, prefix: '', suffix: '' },
  revision,
  orphan,
});
const link = (id: string, ends: Link['ends'], extra: Partial<Link> = {}): Link => ({
  id,
  relation: 'agree',
  ends,
  tags: [],
  note: '',
  createdAt: '',
  updatedAt: '',
  ...extra,
});

describe('the renderer link model', () => {
  it('loads, then applies each call result: a new or changed link in place, a deleted one removed, saying which', async () => {
    stored.links = [link('a', [end('abe', 0), end('kishida', 10)])];
    const model = new LinkModel();
    const changes: string[] = [];
    model.onChange((c) =>
      changes.push(c.kind === 'all' ? 'all' : c.kind === 'apply' ? `apply ${c.link.id}` : `remove ${c.id}`),
    );
    await model.load();
    model.apply(link('b', [end('abe', 20), end('oshea', 0, true)], { suggestion: 's9' }));
    model.apply(link('a', [end('abe', 0), end('kishida', 10)], { relation: 'conflict' }));
    model.remove('zzz'); // not there: nothing to tell
    expect(model.links.map((l) => `${l.id}:${l.relation}`)).toEqual(['a:conflict', 'b:agree']);
    expect(changes).toEqual(['all', 'apply b', 'apply a']);
    expect(model.ofDocument('abe').map((x) => `${x.link.id}:${x.index}`)).toEqual(['a:0', 'b:0']);
    expect(model.orphaned().map((l) => l.id)).toEqual(['b']);
    expect(model.ofSuggestion('s9')?.id).toBe('b');
    model.remove('a');
    expect(changes.at(-1)).toBe('remove a');
    expect(model.get('a')).toBeUndefined();
  });

  it('draws only the ends in the document at the revision shown, never orphans, keyed as saves name them', () => {
    const l = link('k', [end('abe', 0), end('kishida', 10), end('abe', 30, false, 1), end('abe', 40, true)], {
      note: 'Both call it a turning point',
    });
    const marks = linkMarks(l, 'abe', 2, []);
    expect(marks.map((m) => m.key)).toEqual(['k:0']);
    expect(marks[0].title).toMatch(/^Link · Agrees with\nkishida: “kishida words”/);
    expect(marks[0].title).toContain('Note: Both call it a turning point');
  });
});
