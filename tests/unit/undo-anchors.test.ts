/**
 * Undo and redo after the text was edited: a link or annotation brought back by a step
 * covers the passage as it is now (mapped through every edit, like a live one), or is an
 * orphan when its text is gone — never the old offsets over different text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../common/api';
import { linkEndKey, type Annotation, type Link, type NodeJSON } from '../../common/model';
import { createWorkspaceService } from '../../main/services/app';
import { mapRange, textEdits } from '../../main/services/annotations/text-mapping';
import type { WorkspaceStore } from '../../main/services/store/workspace-store';
import { contractCalls, docRecord, openStore, tempWorkspace } from './store/helpers';

const A = ['Hornung writes that there is no hope of a settlement with Moscow while the war goes on.'];
const B = [
  "Nagy and colleagues see Tokyo's hope to push for a negotiated settlement as alive.",
  'A second paragraph that says nothing about it.',
];

let store: WorkspaceStore;
let api: ApiHandlers;
const { ok } = contractCalls(() => api);

const joined = (paragraphs: string[]) => paragraphs.join('\n\n');
const paragraphs = (texts: string[]): NodeJSON => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});
const at = (doc: string, texts: string[], phrase: string, revision = 0) => {
  const start = joined(texts).indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { doc, revision, start, end: start + phrase.length };
};
const passage = (texts: string[], range: { start: number; end: number }) => joined(texts).slice(range.start, range.end);
const links = async () => (await ok<{ links: Link[] }>('listLinks', {})).links;
const annotations = async () => (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;

/** Saves `texts` as doc-b's new text the way a pane does: `anchors` as the editor mapped them. */
const saveB = (texts: string[], baseRevision: number, anchors: { id: string; start: number; end: number }[] = []) =>
  ok('saveDocument', { id: 'doc-b', doc: paragraphs(texts), baseRevision, anchors });

const NEGOTIATED = "Tokyo's hope to push for a negotiated settlement";
/** B with words typed inside the linked passage. */
const EDITED = [B[0].replace('negotiated settlement', 'negotiated, peaceful and lasting settlement'), B[1]];
const EDITED_PASSAGE = "Tokyo's hope to push for a negotiated, peaceful and lasting settlement";

beforeEach(async () => {
  store = await openStore(tempWorkspace(), { seed: async () => [docRecord('doc-a', A), docRecord('doc-b', B)] });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
});
afterEach(() => store.close());

const conflict = () =>
  ok<Link>('createLink', {
    relation: 'conflict',
    ends: [at('doc-a', A, 'there is no hope of a settlement'), at('doc-b', B, NEGOTIATED)],
    note: '',
  });

describe('redo after an edit inside the passage', () => {
  it('gives back the link as it stood just before the undo, not its span from before the edit', async () => {
    const link = await conflict();
    const live = at('doc-b', EDITED, EDITED_PASSAGE);
    await saveB(EDITED, 0, [{ id: linkEndKey(link.id, 1), start: live.start, end: live.end }]);
    const [before] = await links();
    expect(before.ends[1]).toMatchObject({ start: live.start, end: live.end, orphan: false });

    await ok('undo', {});
    expect(await links()).toEqual([]);
    await ok('redo', {});
    const [back] = await links();
    expect(back.ends[1]).toMatchObject({ start: live.start, end: live.end, revision: 1, orphan: false });
    expect(back.ends[1].quote.exact).toBe(EDITED_PASSAGE);
    expect(back.ends[0]).toEqual(before.ends[0]);
  });

  it('follows edits made while the link was undone', async () => {
    const link = await conflict();
    await ok('undo', {});
    await saveB(EDITED, 0);
    // Two more saves: typing in front of the passage moves it along.
    const moved = ['Opening words. ' + EDITED[0], EDITED[1]];
    await saveB(moved, 1);
    await ok('redo', {});
    const [back] = await links();
    expect(back.id).toBe(link.id);
    const want = at('doc-b', moved, EDITED_PASSAGE, 2);
    expect(back.ends[1]).toMatchObject({ ...want, orphan: false });
    expect(passage(moved, back.ends[1])).toBe(EDITED_PASSAGE);
  });

  it('brings a link back as an orphan when its passage was deleted meanwhile, not onto other text', async () => {
    await conflict();
    await ok('undo', {});
    const without = [B[0].replace(` ${NEGOTIATED}`, ''), B[1]];
    await saveB(without, 0);
    await ok('redo', {});
    const [back] = await links();
    expect(back.ends[1].orphan).toBe(true);
    expect(back.ends[1].quote.exact).toBe(NEGOTIATED);
  });
});

describe('undo after an edit inside an annotation', () => {
  const tagB = (phrase: string) =>
    ok<Annotation>('createAnnotation', { ...at('doc-b', B, phrase), tags: ['deterrence'], note: '' });

  it('puts a deleted annotation back over the edited passage', async () => {
    const a = await tagB(NEGOTIATED);
    const live = at('doc-b', EDITED, EDITED_PASSAGE);
    await saveB(EDITED, 0, [{ id: a.id, start: live.start, end: live.end }]);
    await ok('deleteAnnotation', { id: a.id });
    await ok('undo', {});
    const [back] = await annotations();
    expect(back).toMatchObject({ start: live.start, end: live.end, revision: 1, orphan: false });
    expect(back.quote.exact).toBe(EDITED_PASSAGE);
  });

  it('keeps the range an annotation has now when undoing a change of its tags', async () => {
    const a = await tagB(NEGOTIATED);
    await ok('updateAnnotation', { id: a.id, tags: ['deterrence', 'sanctions'] });
    const live = at('doc-b', EDITED, EDITED_PASSAGE);
    await saveB(EDITED, 0, [{ id: a.id, start: live.start, end: live.end }]);
    await ok('undo', {});
    const [back] = await annotations();
    expect(back.tags).toEqual(['deterrence']);
    expect(back).toMatchObject({ start: live.start, end: live.end, revision: 1 });
    await ok('redo', {});
    const [again] = await annotations();
    expect(again.tags).toEqual(['deterrence', 'sanctions']);
    expect(again.quote.exact).toBe(EDITED_PASSAGE);
  });
});

describe('text edits found by comparing two texts', () => {
  it('keeps words typed at either edge of a range outside it, and text typed inside in it', () => {
    const before = 'one two three';
    const range = { start: 4, end: 7 }; // "two"
    const edited = (after: string) => {
      const r = mapRange(textEdits(before, after)!, range.start, range.end)!;
      return after.slice(r.start, r.end);
    };
    expect(edited('one new two three')).toBe('two');
    expect(edited('one two, new three')).toBe('two');
    expect(edited('one t-w-o three')).toBe('t-w-o');
    expect(edited('zero one two three four')).toBe('two');
    expect(edited('one 🙂two three')).toBe('two');
  });

  it('finds a range deleted whole as gone', () => {
    expect(mapRange(textEdits('one two three', 'one three')!, 4, 7)).toBeUndefined();
  });
});
