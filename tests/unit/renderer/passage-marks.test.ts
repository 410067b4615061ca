import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { parseMarkdownDocument } from '../../../common/markdown';
import type { NodeJSON } from '../../../common/model';
import { plainTextOf } from '../../../common/plaintext';
import { createPaneState } from '../../../renderer/src/editor';
import {
  markedPosition,
  passageMarksKey,
  setRevealed,
  setSearchHits,
} from '../../../renderer/src/editor/passage-marks';

const json = parseMarkdownDocument(
  'Japan pursued engagement and deterrence.\n\nDeterrence of Russia followed the invasion.',
).doc.toJSON() as NodeJSON;

const range = (state: EditorState, phrase: string, from = 0): [number, number] => {
  const start = plainTextOf(state.doc).text.indexOf(phrase, from);
  return [start, start + phrase.length];
};
/** The text and class of each decoration of a set. */
const shown = (state: EditorState, set: DecorationSet) =>
  set
    .find()
    .map((d) => [
      state.doc.textBetween(d.from, d.to),
      (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    ]);

describe('search hits and the revealed passage in a pane', () => {
  it('marks the hits, the current one apart, and follows edits', () => {
    let state = createPaneState(json);
    const first = range(state, 'eterrence');
    const second = range(state, 'eterrence', first[1]);
    state = state.apply(setSearchHits(state, [first, second], 1));
    const marks = () => passageMarksKey.getState(state)!;
    expect(shown(state, marks().hits)).toEqual([
      ['eterrence', 'search-hit'],
      ['eterrence', 'search-hit is-current'],
    ]);
    const current = markedPosition(state, 'current')!;
    // Typing before the hits moves them along.
    state = state.apply(state.tr.insertText('Today ', 1));
    expect(markedPosition(state, 'current')).toBe(current + 6);
    expect(shown(state, marks().hits).map(([t]) => t)).toEqual(['eterrence', 'eterrence']);
    // Hits and the revealed passage are set independently; clearing hits leaves the passage.
    state = state.apply(setRevealed(state, range(state, 'Japan pursued')));
    state = state.apply(setSearchHits(state, []));
    expect(marks().hits.find()).toHaveLength(0);
    expect(shown(state, marks().reveal)).toEqual([['Japan pursued', 'revealed-passage']]);
    state = state.apply(setRevealed(state, null));
    expect(markedPosition(state, 'reveal')).toBeUndefined();
  });

  it('keeps its decorations when a transaction neither edits nor sets them', () => {
    let state = createPaneState(json);
    state = state.apply(setSearchHits(state, [range(state, 'Japan')]));
    const before = passageMarksKey.getState(state);
    state = state.apply(state.tr.setMeta('unrelated', true));
    expect(passageMarksKey.getState(state)).toBe(before);
  });
});
