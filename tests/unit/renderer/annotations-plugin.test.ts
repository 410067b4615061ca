import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { parseMarkdownDocument } from '../../../common/markdown';
import type { NodeJSON } from '../../../common/model';
import { offsetToPos, plainTextOf } from '../../../common/plaintext';
import { createPaneState } from '../../../renderer/src/editor';
import {
  annotationAnchors,
  annotationKey,
  changeAnnotations,
  setAnnotations,
  stretchTitle,
  type AnnotationMark,
} from '../../../renderer/src/editor/annotations';

const json = parseMarkdownDocument(
  'Japan pursued engagement and deterrence.\n\nSanctions followed the invasion of Ukraine.',
).doc.toJSON() as NodeJSON;

function mark(id: string, state: EditorState, phrase: string, tags = ['deterrence']): AnnotationMark {
  const text = plainTextOf(state.doc).text;
  const start = text.indexOf(phrase);
  return { id, start, end: start + phrase.length, tags, title: id };
}
const textOf = (state: EditorState, id: string) => {
  const a = annotationAnchors(state).anchors.find((x) => x.id === id);
  return a && plainTextOf(state.doc).text.slice(a.start, a.end);
};
const at = (state: EditorState, phrase: string) =>
  offsetToPos(plainTextOf(state.doc), plainTextOf(state.doc).text.indexOf(phrase));

describe('annotation decorations (no DOM)', () => {
  it('map through edits before, inside and after a range; a deleted range is reported lost', () => {
    let state = createPaneState(json);
    state = state.apply(
      setAnnotations(state, [mark('a', state, 'engagement and deterrence'), mark('b', state, 'the invasion')]),
    );
    const set = annotationKey.getState(state)!.set;
    expect(set.find().length).toBe(2);
    state = state.apply(state.tr.insertText('Today ', at(state, 'Japan'))); // before
    state = state.apply(state.tr.insertText('nuclear ', at(state, 'deterrence'))); // inside
    state = state.apply(state.tr.insertText(' by Russia', at(state, ' of Ukraine'))); // after b? inside b's end
    expect(textOf(state, 'a')).toBe('engagement and nuclear deterrence');
    expect(textOf(state, 'b')).toBe('the invasion');
    // Mapping reused the set rather than rebuilding it from scratch.
    expect(annotationKey.getState(state)!.set).not.toBe(set);
    const from = at(state, 'the invasion');
    state = state.apply(state.tr.delete(from, from + 'the invasion'.length));
    expect(annotationAnchors(state)).toEqual({
      anchors: [expect.objectContaining({ id: 'a' })],
      lost: ['b'],
    });
  });

  it('keeps the same set for transactions that change neither text nor marks', () => {
    let state = createPaneState(json);
    state = state.apply(setAnnotations(state, [mark('a', state, 'deterrence')]));
    const before = annotationKey.getState(state);
    state = state.apply(state.tr.setMeta('unrelated', true));
    expect(annotationKey.getState(state)).toBe(before);
  });

  it('cuts overlapping annotations into stretches that list every annotation covering them', () => {
    let state = createPaneState(json);
    state = state.apply(
      setAnnotations(state, [
        mark('wide', state, 'pursued engagement and deterrence'),
        mark('inner', state, 'engagement'),
      ]),
    );
    const stretches = annotationKey.getState(state)!.set.find();
    expect(stretches.map((d) => d.spec.annotations)).toEqual([['wide'], ['wide', 'inner'], ['wide']]);
    // Colours come from tag classes, innermost annotation as the first layer; hover text
    // lists every annotation over the stretch, innermost last.
    const classOf = (i: number) => (stretches[i] as unknown as { type: { attrs: { class: string } } }).type.attrs.class;
    expect(classOf(1).split(' ')).toEqual(
      expect.arrayContaining(['an', 'an-d2', 'an-l1-deterrence', 'an-l2-deterrence']),
    );
    expect(classOf(0).split(' ')).toEqual(['an', 'an-d1', 'an-l1-deterrence']);
    expect(stretchTitle(state, stretches[1].spec.annotations)).toBe('wide\n—\ninner');
    expect(textOf(state, 'wide')).toBe('pursued engagement and deterrence');
    expect(textOf(state, 'inner')).toBe('engagement');
  });

  it('adds, removes and focuses single marks without touching the others', () => {
    let state = createPaneState(json);
    state = state.apply(setAnnotations(state, [mark('a', state, 'deterrence'), mark('b', state, 'Sanctions')]));
    state = state.apply(changeAnnotations(state, { add: [mark('c', state, 'Japan', ['engagement'])], remove: ['b'] }));
    expect(
      annotationAnchors(state)
        .anchors.map((x) => x.id)
        .sort(),
    ).toEqual(['a', 'c']);
    state = state.apply(changeAnnotations(state, { focus: 'a' }));
    const focused = annotationKey
      .getState(state)!
      .set.find()
      .filter((d) => (d.spec.annotations as string[]).includes('a'));
    expect((focused[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toContain('an-focus');
    expect(textOf(state, 'a')).toBe('deterrence');
  });
});
