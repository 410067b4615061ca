/**
 * Search hits and a revealed passage in a pane: search hits are marked (the current one
 * more strongly) and the passage an overview brought into view is outlined until another
 * is. Decorations live in plugin state, are mapped through edits, and change only when a
 * transaction carries new ones as metadata.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf } from '../../../common/plaintext';

/** What a transaction may set: the pane's search hits (plain-text offsets), which is current, the revealed passage. */
export interface PassageMarksMeta {
  hits?: { ranges: [number, number][]; current: number };
  reveal?: [number, number] | null;
}

interface MarksState {
  hits: DecorationSet;
  reveal: DecorationSet;
}

export const passageMarksKey = new PluginKey<MarksState>('passage-marks');

function decorate(state: EditorState, ranges: [number, number][], kind: 'hit' | 'reveal', current = -1): DecorationSet {
  const pt = plainTextOf(state.doc);
  const decorations: Decoration[] = [];
  ranges.forEach(([start, end], i) => {
    const from = offsetToPos(pt, start, 'after');
    const to = offsetToPos(pt, end, 'before');
    const cls = kind === 'reveal' ? 'revealed-passage' : i === current ? 'search-hit is-current' : 'search-hit';
    if (to > from)
      decorations.push(Decoration.inline(from, to, { class: cls }, { passage: kind, current: i === current }));
  });
  return DecorationSet.create(state.doc, decorations);
}

/** The plugin every pane carries. */
export function passageMarks(): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: passageMarksKey,
    state: {
      init: () => ({ hits: DecorationSet.empty, reveal: DecorationSet.empty }),
      apply(tr: Transaction, value: MarksState, _old, state: EditorState): MarksState {
        const meta = tr.getMeta(passageMarksKey) as PassageMarksMeta | undefined;
        if (!meta && !tr.docChanged) return value;
        let { hits, reveal } = tr.docChanged
          ? { hits: value.hits.map(tr.mapping, tr.doc), reveal: value.reveal.map(tr.mapping, tr.doc) }
          : value;
        if (meta?.hits) {
          const { ranges, current } = meta.hits;
          hits = decorate(state, ranges, 'hit', current);
        }
        if (meta?.reveal !== undefined) {
          reveal = meta.reveal ? decorate(state, [meta.reveal], 'reveal') : DecorationSet.empty;
        }
        return { hits, reveal };
      },
    },
    props: {
      decorations(state) {
        const s = passageMarksKey.getState(state);
        if (!s) return null;
        if (s.reveal === DecorationSet.empty) return s.hits;
        if (s.hits === DecorationSet.empty) return s.reveal;
        return DecorationSet.create(state.doc, [...s.hits.find(), ...s.reveal.find()]);
      },
    },
  });
}

/** A transaction that sets the search hits of a pane. */
export function setSearchHits(state: EditorState, ranges: [number, number][], current = -1): Transaction {
  const meta: PassageMarksMeta = { hits: { ranges, current } };
  return state.tr.setMeta(passageMarksKey, meta).setMeta('addToHistory', false);
}

/** A transaction that outlines a passage (null: none). */
export function setRevealed(state: EditorState, range: [number, number] | null): Transaction {
  const meta: PassageMarksMeta = { reveal: range };
  return state.tr.setMeta(passageMarksKey, meta).setMeta('addToHistory', false);
}

/** Where a marked passage starts: the current search hit, or the revealed passage. */
export function markedPosition(state: EditorState, which: 'current' | 'reveal'): number | undefined {
  const s = passageMarksKey.getState(state);
  const found =
    which === 'reveal' ? s?.reveal.find() : s?.hits.find(undefined, undefined, (spec) => spec.current === true);
  return found?.[0]?.from;
}

/**
 * Scrolls the current search hit or the revealed passage to the middle of its pane. Only
 * the pane's own scroller moves (scrollIntoView would also slide the row of panes sideways
 * when they are wider than the window).
 */
export function scrollToMarked(view: EditorView, which: 'current' | 'reveal'): boolean {
  const pos = markedPosition(view.state, which);
  if (pos === undefined) return false;
  const { node } = view.domAtPos(pos + 1);
  const target = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  const scroller = view.dom.closest<HTMLElement>('.pane-body');
  if (!target) return false;
  if (!scroller) {
    target.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }
  const box = scroller.getBoundingClientRect();
  const at = target.getBoundingClientRect();
  scroller.scrollTop += at.top - box.top - (box.height - at.height) / 2;
  return true;
}
