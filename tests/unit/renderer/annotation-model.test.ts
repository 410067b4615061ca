import { describe, expect, it, vi } from 'vitest';
import { parseMarkdownDocument } from '../../../common/markdown';
import type { Annotation, NodeJSON, Tag } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import { createPaneState } from '../../../renderer/src/editor';
import {
  annotationAnchors,
  annotationKey,
  changeAnnotations,
  setAnnotations,
} from '../../../renderer/src/editor/annotations';

// The model keeps the tag colours in a <style>; outside a browser it only needs somewhere to put it.
const sheet = { id: '', textContent: '' };
vi.stubGlobal('document', { createElement: () => sheet, head: { append: () => undefined } });

const stored: { annotations: Annotation[]; tags: Tag[] } = { annotations: [], tags: [] };
const calls: string[] = [];
vi.mock('../../../renderer/src/bridge', () => ({
  call: vi.fn(async (name: string) => {
    calls.push(name);
    if (name === 'listAnnotations') return { annotations: stored.annotations };
    if (name === 'getCodebook') return { tags: stored.tags, usage: { deterrence: 1 } };
    throw new Error(`unexpected call ${name}`);
  }),
}));
const { AnnotationModel } = await import('../../../renderer/src/panels/annotation-model');

const text = 'Japan pursued engagement and deterrence.\n\nSanctions followed the invasion of Ukraine.';
const json = parseMarkdownDocument(text).doc.toJSON() as NodeJSON;
const tag = (id: string, color = '#e6194b'): Tag => ({ id, name: id, color, parentId: null, description: '' }) as Tag;
const annotation = (id: string, phrase: string, extra: Partial<Annotation> = {}): Annotation => {
  const start = plainTextOf(createPaneState(json).doc).text.indexOf(phrase);
  return {
    id,
    doc: 'abe',
    start,
    end: start + phrase.length,
    quote: { exact: phrase, prefix: '', suffix: '' },
    revision: 3,
    tags: ['deterrence'],
    note: '',
    orphan: false,
    createdAt: '',
    updatedAt: '',
    ...extra,
  };
};

describe('the renderer annotation model', () => {
  it('applies each call result in place and tells what changed, reading nothing again', async () => {
    stored.tags = [tag('deterrence')];
    stored.annotations = [annotation('a', 'deterrence')];
    const model = new AnnotationModel();
    const changes: string[] = [];
    model.onChange((c) =>
      changes.push(c.kind === 'all' ? 'all' : c.kind === 'apply' ? `apply ${c.annotation.id}` : `remove ${c.id}`),
    );
    await model.load();
    calls.length = 0;
    model.apply(annotation('b', 'Sanctions', { tags: ['deterrence', 'sanctions'] }));
    model.apply(annotation('a', 'deterrence', { note: 'a stronger word later' }));
    model.remove('zzz'); // not there: nothing to tell
    expect(changes).toEqual(['all', 'apply b', 'apply a']);
    expect(model.annotations.map((a) => `${a.id}:${a.note}`)).toEqual(['a:a stronger word later', 'b:']);
    expect(model.usage).toEqual({ deterrence: 2, sanctions: 1 });
    model.remove('b');
    expect(changes.at(-1)).toBe('remove b');
    expect(model.usage).toEqual({ deterrence: 1, sanctions: 0 });
    model.applyTag(tag('sanctions', '#3cb44b'));
    expect(model.tagName('sanctions')).toBe('sanctions');
    expect(sheet.textContent).toContain('.swatch-sanctions{--tag-color:#3cb44b}');
    expect(calls).toEqual([]);
  });

  it('draws an applied annotation in the pane without redrawing the others, and only in its revision', async () => {
    stored.tags = [tag('deterrence')];
    stored.annotations = [annotation('a', 'engagement')];
    const model = new AnnotationModel();
    await model.load();
    let state = createPaneState(json);
    state = state.apply(setAnnotations(state, model.marks('abe', 3)));
    const drawnBefore = annotationKey.getState(state)!.marks.get('a');
    model.onChange((change) => {
      if (change.kind !== 'apply') return;
      const mark = model.markIn(change.annotation, 'abe', 3);
      state = state.apply(changeAnnotations(state, { remove: [change.annotation.id], add: mark ? [mark] : [] }));
    });
    model.apply(annotation('b', 'the invasion'));
    model.apply(annotation('old', 'Sanctions', { revision: 2 })); // another revision: not drawn here
    const drawn = annotationAnchors(state).anchors;
    const shown = (id: string) => {
      const a = drawn.find((x) => x.id === id);
      return a && plainTextOf(state.doc).text.slice(a.start, a.end);
    };
    expect(shown('a')).toBe('engagement');
    expect(annotationKey.getState(state)!.marks.get('a')).toBe(drawnBefore); // kept, not drawn anew
    expect(shown('b')).toBe('the invasion');
    expect(shown('old')).toBeUndefined();
    expect(annotationKey.getState(state)!.marks.size).toBe(2);
  });
});
