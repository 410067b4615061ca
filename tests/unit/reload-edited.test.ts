/**
 * Reading a text again from its file (⟳) when it holds edits made in Parallax: nothing
 * is replaced unless the analyst says so; without such edits it reloads as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../common/api';
import type { Annotation, NodeJSON } from '../../common/model';
import { createWorkspaceService } from '../../main/services/app';
import { readDocumentFile } from '../../main/services/sources';
import { WorkspaceStore } from '../../main/services/store/workspace-store';
import { contractCalls } from './store/helpers';

const TEXT = ['Sanctions followed the invasion of Ukraine in 2022.', 'Japan joined them quickly.'];
const FILE_EDIT = [TEXT[0], 'Japan joined them within days.'];

let dir: string;
let store: WorkspaceStore;
let api: ApiHandlers;
const { ok, fails } = contractCalls(() => api);

const paragraphs = (texts: string[]): NodeJSON => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
});
const writeFile = (texts: string[]) =>
  writeFileSync(join(dir, 'essay.md'), `---\ntitle: Essay\nauthors: [A. Author]\n---\n\n${texts.join('\n\n')}\n`);
const textNow = async () => {
  const { doc } = await ok<{ doc: NodeJSON }>('getDocument', { id: 'essay' });
  return JSON.stringify(doc);
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-reload-'));
  writeFile(TEXT);
  store = await WorkspaceStore.open(join(dir, 'workspace.json'), {
    seed: async () => [await readDocumentFile(join(dir, 'essay.md'))],
    writeDelayMs: 0,
  });
  api = createWorkspaceService({ store, mode: 'browser', version: 'test', sourceDir: dir });
});
afterEach(() => store.close());

describe('reloading a text from its file', () => {
  it('replaces a text nobody edited in Parallax at once, and then counts it as the file’s again', async () => {
    writeFile(FILE_EDIT);
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ edited: false, replaced: true, revision: 1 });
    writeFile(TEXT);
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ edited: false, replaced: true, revision: 2 });
  });

  it('keeps edits made in Parallax unless told to replace them', async () => {
    const edited = [TEXT[0], 'Japan joined them, after some hesitation.'];
    await ok('saveDocument', { id: 'essay', doc: paragraphs(edited), baseRevision: 0 });
    writeFile(FILE_EDIT);
    const asked = await ok('reloadDocument', { id: 'essay' });
    expect(asked).toMatchObject({ unchanged: false, edited: true, replaced: false, revision: 1 });
    expect(await textNow()).toBe(JSON.stringify(paragraphs(edited)));

    const done = await ok('reloadDocument', { id: 'essay', replaceEdits: true });
    expect(done).toMatchObject({ edited: true, replaced: true, revision: 2 });
    expect(await textNow()).toContain('within days');
    // Now the text is the file's: the next reload asks nothing.
    writeFile(TEXT);
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ edited: false, replaced: true });
  });

  it('undoes the replacement: the edits, and the annotations on them, come back; redo replaces them again', async () => {
    const edited = [TEXT[0], 'Japan joined them, after some hesitation.'];
    await ok('saveDocument', { id: 'essay', doc: paragraphs(edited), baseRevision: 0 });
    const phrase = 'after some hesitation';
    const start = edited.join('\n\n').indexOf(phrase);
    const a = await ok<Annotation>('createAnnotation', {
      doc: 'essay',
      revision: 1,
      start,
      end: start + phrase.length,
      tags: ['sanctions'],
      note: '',
    });
    writeFile(FILE_EDIT);
    expect(await ok('reloadDocument', { id: 'essay', replaceEdits: true })).toMatchObject({
      replaced: true,
      orphaned: 1,
    });

    expect(await ok('undo', {})).toMatchObject({
      label: 'Reload “Essay” from its file',
      touched: expect.arrayContaining(['documents', 'annotations']),
    });
    expect(await textNow()).toBe(JSON.stringify(paragraphs(edited)));
    const [back] = (await ok<{ annotations: Annotation[] }>('listAnnotations', {})).annotations;
    expect(back).toMatchObject({ id: a.id, start, end: start + phrase.length, orphan: false, revision: 3 });
    // The text holds Parallax edits again: a reload asks first.
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ edited: true, replaced: false });

    await ok('redo', {});
    expect(await textNow()).toContain('within days');
    expect(await ok('reloadDocument', { id: 'essay' })).toMatchObject({ unchanged: true });
  });

  it('refuses to undo a replacement once the new text was edited, and takes it off the history', async () => {
    await ok('createTag', { name: 'Earlier step' });
    await ok('saveDocument', { id: 'essay', doc: paragraphs([TEXT[0], 'Edited in Parallax.']), baseRevision: 0 });
    writeFile(FILE_EDIT);
    await ok('reloadDocument', { id: 'essay', replaceEdits: true });
    await ok('saveDocument', {
      id: 'essay',
      doc: paragraphs([...FILE_EDIT, 'Typed after the reload.']),
      baseRevision: 2,
    });
    expect(await fails('undo', {})).toMatchObject({ code: 'conflict', message: /was edited after/ });
    expect(await textNow()).toContain('Typed after the reload.');
    expect(await ok('undo', {})).toMatchObject({ label: 'New tag “Earlier step”' });
  });
});
