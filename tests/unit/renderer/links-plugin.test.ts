import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { parseMarkdownDocument } from '../../../common/markdown';
import type { NodeJSON } from '../../../common/model';
import { offsetToPos, plainTextOf } from '../../../common/plaintext';
import { createPaneState } from '../../../renderer/src/editor';
import {
  changeLinks,
  linkAnchors,
  linkEndPosition,
  linkKey,
  linksAt,
  setLinks,
  type LinkMark,
} from '../../../renderer/src/editor/links';

const json = parseMarkdownDocument(
  'Economic relations have largely collapsed.\n\nTokyo continues to buy Russian oil, coal and LNG.',
).doc.toJSON() as NodeJSON;

function mark(link: string, index: number, state: EditorState, phrase: string, relation = 'conflict'): LinkMark {
  const text = plainTextOf(state.doc).text;
  const start = text.indexOf(phrase);
  return {
    key: `${link}:${index}`,
    link,
    relation: relation as LinkMark['relation'],
    start,
    end: start + phrase.length,
    title: link,
  };
}
const textOf = (state: EditorState, key: string) => {
  const a = linkAnchors(state).anchors.find((x) => x.id === key);
  return a && plainTextOf(state.doc).text.slice(a.start, a.end);
};
const at = (state: EditorState, phrase: string) =>
  offsetToPos(plainTextOf(state.doc), plainTextOf(state.doc).text.indexOf(phrase));

describe('link decorations (no DOM)', () => {
  it('map link ends through edits before, inside and after them, and report an end whose text was deleted', () => {
    let state = createPaneState(json);
    state = state.apply(
      setLinks(state, [mark('k1', 0, state, 'largely collapsed'), mark('k2', 1, state, 'Russian oil, coal')]),
    );
    expect(linkKey.getState(state)!.set.find().length).toBe(2);
    state = state.apply(state.tr.insertText('Today ', at(state, 'Economic'))); // before both
    state = state.apply(state.tr.insertText('very ', at(state, 'collapsed'))); // inside k1
    expect(textOf(state, 'k1:0')).toBe('largely very collapsed');
    expect(textOf(state, 'k2:1')).toBe('Russian oil, coal');
    const from = at(state, 'Russian oil, coal');
    state = state.apply(state.tr.delete(from, from + 'Russian oil, coal'.length));
    expect(linkAnchors(state).lost).toEqual(['k2:1']);
    expect(linkAnchors(state).anchors.map((a) => a.id)).toEqual(['k1:0']);
  });

  it('keeps the same decoration set when a transaction neither edits nor carries link metadata', () => {
    let state = createPaneState(json);
    state = state.apply(setLinks(state, [mark('k1', 0, state, 'largely collapsed')]));
    const before = linkKey.getState(state)!.set;
    state = state.apply(state.tr.setMeta('unrelated', true));
    expect(linkKey.getState(state)!.set).toBe(before);
  });

  it('adds, replaces and removes one link without moving the others, and marks the link in focus', () => {
    let state = createPaneState(json);
    state = state.apply(setLinks(state, [mark('k1', 0, state, 'largely collapsed')]));
    state = state.apply(state.tr.insertText('Sadly, ', at(state, 'Economic')));
    state = state.apply(changeLinks(state, { add: [mark('k2', 0, state, 'Tokyo continues', 'agree')] }));
    expect(textOf(state, 'k1:0')).toBe('largely collapsed'); // kept its mapped place
    expect(textOf(state, 'k2:0')).toBe('Tokyo continues');
    // A changed relation comes back as the same link: replaced, not doubled.
    state = state.apply(changeLinks(state, { add: [mark('k2', 0, state, 'Tokyo continues', 'related')] }));
    const k2 = linkKey.getState(state)!.set.find(undefined, undefined, (s) => s.link === 'k2');
    expect(k2).toHaveLength(1);
    expect((k2[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toContain('lk-related');
    state = state.apply(changeLinks(state, { focus: 'k1' }));
    const k1 = linkKey.getState(state)!.set.find(undefined, undefined, (s) => s.link === 'k1');
    expect((k1[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toContain('lk-focus');
    expect(textOf(state, 'k1:0')).toBe('largely collapsed');
    state = state.apply(changeLinks(state, { remove: ['k1'] }));
    expect(linkAnchors(state).anchors.map((a) => a.id)).toEqual(['k2:0']);
    expect(linkEndPosition(state, 'k1:0')).toBeUndefined();
  });

  it('finds the links under a position, innermost first', () => {
    let state = createPaneState(json);
    state = state.apply(
      setLinks(state, [
        mark('wide', 0, state, 'Economic relations have largely collapsed'),
        mark('narrow', 0, state, 'largely'),
        mark('later', 1, state, 'LNG'),
      ]),
    );
    expect(linksAt(state, at(state, 'largely') + 2)).toEqual(['narrow', 'wide']);
    expect(linksAt(state, at(state, 'Tokyo'))).toEqual([]);
  });
});
