import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../common/api';
import type { Annotation, NodeJSON } from '../../common/model';
import { readDocumentFile } from '../../main/services/sources';
import { createWorkspaceService } from '../../main/services/app';
import { WorkspaceStore } from '../../main/services/store/workspace-store';
import { contractCalls } from './store/helpers';

const TEXT = [
  'Japan has pursued a mixture of engagement, resilience, and deterrence toward Russia.',
  'Sanctions followed the invasion of Ukraine in 2022, and Japan joined them quickly.',
  'Deterrence of China remains the main concern of defence planners in Tokyo.',
];

let dir: string;
let store: WorkspaceStore;
let api: ApiHandlers;

const { ok, fails } = contractCalls(() => api);
const paragraphs = (texts: string[]): NodeJSON => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});
/** Offsets of `phrase` in the plain text (paragraphs joined by a blank line). */
const span = (texts: string[], phrase: string) => {
  const start = texts.join('\n\n').indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { start, end: start + phrase.length };
};
const tag = (start: number, end: number, tags = ['deterrence'], note = '') =>
  ok<Annotation>('createAnnotation', { doc: 'essay', revision: 0, start, end, tags, note });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-annotations-'));
  writeFileSync(
    join(dir, 'essay.md'),
    `---\ntitle: Essay\nauthors: [A. Author]\ndate: 2020\n---\n\n${TEXT.join('\n\n')}\n`,
  );
  store = await WorkspaceStore.open(join(dir, 'workspace.json'), {
    seed: async () => [await readDocumentFile(join(dir, 'essay.md'))],
    writeDelayMs: 0,
  });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test', sourceDir: dir });
});
afterEach(() => store.close());

describe('annotations', () => {
  it('tags a passage with its quote and context, trimmed of surrounding space, and keeps it across a reopen', async () => {
    const { start, end } = span(TEXT, 'mixture of');
    const a = await tag(start - 1, end + 1, ['deterrence', 'engagement', 'deterrence'], 'Hedging');
    expect(a).toMatchObject({ start, end, tags: ['deterrence', 'engagement'], note: 'Hedging', orphan: false });
    expect(a.quote.exact).toBe('mixture of');
    expect(a.quote.prefix.endsWith('pursued a ')).toBe(true);
    await store.close();
    store = await WorkspaceStore.open(join(dir, 'workspace.json'), { seed: async () => [], writeDelayMs: 0 });
    api = createWorkspaceService({ store, mode: 'browser', version: 'test' });
    expect((await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations).toEqual([a]);
  });

  it('refuses unknown tags, empty or outside ranges, stale revisions, long notes and wrong types', async () => {
    const base = { doc: 'essay', revision: 0, start: 0, end: 5, tags: ['deterrence'], note: '' };
    expect(await fails('createAnnotation', { ...base, tags: ['no-such-tag'] })).toMatchObject({
      code: 'invalid-input',
      message: /No tag "no-such-tag"/,
    });
    expect((await fails('createAnnotation', { ...base, end: 0 })).message).toMatch(/selection is empty/);
    expect((await fails('createAnnotation', { ...base, start: 5, end: 99_999 })).message).toMatch(/outside/);
    expect((await fails('createAnnotation', { ...base, start: 84, end: 86 })).message).toMatch(/white space/);
    expect((await fails('createAnnotation', { ...base, revision: 3 })).code).toBe('conflict');
    expect((await fails('createAnnotation', { ...base, doc: 'nope' })).code).toBe('not-found');
    expect((await fails('createAnnotation', { ...base, note: 'x'.repeat(20_001) })).message).toMatch(/at most/);
    expect((await fails('createAnnotation', { ...base, tags: [] })).message).toMatch(/tag or write a note/);
    expect((await fails('createAnnotation', { ...base, start: '0' })).code).toBe('invalid-input');
    expect((await fails('updateAnnotation', { id: 'an-missing', note: 'x' })).code).toBe('not-found');
    expect((await fails('createTag', { name: '   ' })).code).toBe('invalid-input');
    expect((await fails('createTag', { name: 'deterrence' })).message).toMatch(/already a tag/);
    expect((await fails('createTag', { name: 'X', color: 'red' })).message).toMatch(/#rrggbb/);
    expect((await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations).toEqual([]);
  });

  it('follows edits in the pane: before, inside and after a range; a deleted range becomes an orphan', async () => {
    const r = span(TEXT, 'Sanctions followed the invasion');
    const a = await tag(r.start, r.end);
    const gone = await tag(...(Object.values(span(TEXT, 'Deterrence of China')) as [number, number]));
    // The editor maps ranges through the edit and sends them with the save.
    const edited = ['Preface. ' + TEXT[0], TEXT[1].replace('followed', 'came after'), 'Planners agree.'];
    const moved = span(edited, 'Sanctions came after the invasion');
    const saved = await ok<{ revision: number; orphaned: number }>('saveDocument', {
      id: 'essay',
      doc: paragraphs(edited),
      baseRevision: 0,
      anchors: [{ id: a.id, ...moved }],
      lost: [gone.id],
    });
    expect(saved).toEqual({ revision: 1, orphaned: 1 });
    const list = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(list.find((x) => x.id === a.id)).toMatchObject({ ...moved, revision: 1, orphan: false });
    expect(list.find((x) => x.id === a.id)!.quote.exact).toBe('Sanctions came after the invasion');
    expect(list.find((x) => x.id === gone.id)).toMatchObject({ orphan: true, quote: { exact: 'Deterrence of China' } });
  });

  it('re-anchors by quote when the source file changed, and orphans what is gone (kept, re-attachable)', async () => {
    const kept = await tag(...(Object.values(span(TEXT, 'mixture of engagement')) as [number, number]));
    const fuzzy = await tag(
      ...(Object.values(span(TEXT, 'Sanctions followed the invasion of Ukraine')) as [number, number]),
    );
    const lost = await tag(...(Object.values(span(TEXT, 'main concern of defence planners')) as [number, number]));
    const changed = [
      'A new first paragraph moves everything.',
      TEXT[0],
      TEXT[1].replace('the invasion', "Russia's invasion"),
      'Something else entirely.',
    ];
    writeFileSync(join(dir, 'essay.md'), `---\ntitle: Essay\nauthors: [A. Author]\n---\n\n${changed.join('\n\n')}\n`);
    const result = await ok('reloadDocument', { id: 'essay' });
    expect(result).toEqual({ revision: 1, unchanged: false, edited: false, replaced: true, moved: 2, orphaned: 1 });
    const list = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    const text = changed.join('\n\n');
    const at = (id: string) => list.find((x) => x.id === id)!;
    expect(text.slice(at(kept.id).start, at(kept.id).end)).toBe('mixture of engagement');
    expect(text.slice(at(fuzzy.id).start, at(fuzzy.id).end)).toMatch(/^Sanctions followed Russia's invasion of Ukrain/);
    expect(at(lost.id)).toMatchObject({ orphan: true, tags: ['deterrence'] });
    // The orphan is re-attached to a passage the analyst picks.
    const target = span(changed, 'Something else');
    const re = await ok<Annotation>('reattachAnnotation', { id: lost.id, doc: 'essay', revision: 1, ...target });
    expect(re).toMatchObject({ orphan: false, ...target, quote: { exact: 'Something else' } });
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ unchanged: true });
  });
});

describe('the codebook', () => {
  it('creates, renames, recolours, describes and nests tags, refusing cycles', async () => {
    const parent = await ok<{ id: string }>('createTag', { name: 'Economic statecraft', color: '#123456' });
    const child = await ok<{ id: string; parentId: string }>('createTag', { name: 'Energy', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    const renamed = await ok('updateTag', {
      id: child.id,
      name: 'Energy security',
      color: '#abcdef',
      description: 'Oil & gas',
    });
    expect(renamed).toMatchObject({ name: 'Energy security', color: '#abcdef', description: 'Oil & gas' });
    expect((await fails('updateTag', { id: parent.id, parentId: child.id })).message).toMatch(/inside itself/);
    expect((await fails('updateTag', { id: parent.id, parentId: parent.id })).message).toMatch(/inside itself/);
  });

  it('deletes a tag in use as the user chooses: untag, delete the annotations, or move them', async () => {
    const a = await tag(0, 5, ['deterrence', 'engagement']);
    const b = await tag(10, 20, ['deterrence']);
    expect(await fails('deleteTag', { id: 'deterrence', annotations: 'move' })).toMatchObject({
      message: /Choose the tag/,
    });
    expect(await ok('deleteTag', { id: 'deterrence', annotations: 'move', moveTo: 'resilience' })).toEqual({
      changed: 2,
      deleted: 0,
    });
    let list = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(list.map((x) => x.tags)).toEqual([['engagement', 'resilience'], ['resilience']]);
    expect(await ok('deleteTag', { id: 'resilience', annotations: 'delete' })).toEqual({ changed: 0, deleted: 2 });
    list = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(list).toEqual([]);
    void a;
    void b;
    // Sub-tags of a deleted tag move up to its parent.
    const codebook = await ok<{ tags: { id: string; parentId: string | null }[] }>('getCodebook', {});
    expect(codebook.tags.find((t) => t.id === 'engagement')?.parentId).toBe('strategy');
    await ok('deleteTag', { id: 'strategy' });
    const after = await ok<{ tags: { id: string; parentId: string | null }[] }>('getCodebook', {});
    expect(after.tags.find((t) => t.id === 'engagement')?.parentId).toBeNull();
  });

  it('merges tags: annotations keep one copy of the merged tag, sub-tags move over', async () => {
    await tag(0, 5, ['deterrence', 'resilience']);
    await tag(10, 20, ['resilience']);
    await ok('mergeTags', { from: ['resilience'], into: 'deterrence' });
    const list = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(list.map((x) => x.tags)).toEqual([['deterrence'], ['deterrence']]);
    const { tags, usage } = await ok<{ tags: { id: string }[]; usage: Record<string, number> }>('getCodebook', {});
    expect(tags.some((t) => t.id === 'resilience')).toBe(false);
    expect(usage.deterrence).toBe(2);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes tagging, notes, deletion and codebook changes in order', async () => {
    const a = await tag(0, 5);
    await ok('updateAnnotation', { id: a.id, note: 'First thought' });
    await ok('deleteTag', { id: 'deterrence', annotations: 'delete' });
    const list = async () => (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(await list()).toEqual([]);

    expect(await ok('undo', {})).toEqual({
      label: 'Delete tag “Deterrence”',
      undo: 'Edit note',
      redo: 'Delete tag “Deterrence”',
      // What the step changed, so a window reads again only that.
      touched: ['codebook', 'annotations'],
    });
    expect(await list()).toMatchObject([{ id: a.id, note: 'First thought', tags: ['deterrence'] }]);
    expect((await ok<{ tags: { id: string }[] }>('getCodebook', {})).tags.some((t) => t.id === 'deterrence')).toBe(
      true,
    );
    expect(await ok('undo', {})).toMatchObject({ touched: ['annotations'] });
    expect(await list()).toMatchObject([{ id: a.id, note: '' }]);
    await ok('undo', {});
    expect(await list()).toEqual([]);
    expect(await ok('undo', {})).toMatchObject({ label: null, undo: null, touched: [] });
    await ok('redo', {});
    await ok('redo', {});
    expect(await list()).toMatchObject([{ id: a.id, note: 'First thought' }]);
    // A new action clears what could be redone.
    await ok('createTag', { name: 'Fresh' });
    expect(await ok('redo', {})).toMatchObject({ label: null, redo: null });
  });

  it('re-anchors an annotation brought back by undo after its text was edited', async () => {
    const r = span(TEXT, 'deterrence toward Russia');
    const a = await tag(r.start, r.end);
    await ok('deleteAnnotation', { id: a.id });
    const edited = ['Inserted first.', ...TEXT];
    await ok('saveDocument', { id: 'essay', doc: paragraphs(edited), baseRevision: 0 });
    await ok('undo', {});
    const [back] = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(back).toMatchObject({ ...span(edited, 'deterrence toward Russia'), revision: 1, orphan: false });
  });
});
