/**
 * Tagged passages in a pane: each annotation is an inline decoration held in plugin
 * state, coloured by its first tag (overlaps blend, since each layer is translucent),
 * mapped through edits, and changed only by transaction metadata (set, add, remove,
 * focus). The annotation id travels in the decoration's spec, so after an edit the
 * pane can tell the store where every range went, or that it was deleted.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf, posToOffset, type PlainText } from '../../../common/plaintext';

/** An annotation of this pane's document, as plain-text offsets. */
export interface AnnotationMark {
  id: string;
  start: number;
  end: number;
  /** Tag ids, first one colours the highlight. */
  tags: string[];
  /** Hover text: tags and note. */
  title: string;
}

interface AnnotationState {
  set: DecorationSet;
  /** Every annotation given to the pane, whether or not its range survives. */
  ids: Set<string>;
  focus: string | null;
}

type Meta = { set?: AnnotationMark[]; add?: AnnotationMark[]; remove?: string[]; focus?: string | null };

export const annotationKey = new PluginKey<AnnotationState>('annotations');

function decorate(doc: Node, pt: PlainText, marks: AnnotationMark[], focus: string | null): Decoration[] {
  const out: Decoration[] = [];
  for (const m of marks) {
    const from = offsetToPos(pt, m.start, 'after');
    const to = offsetToPos(pt, m.end, 'before');
    if (to <= from || to > doc.content.size) continue;
    const classes = ['an', m.tags.length ? `an-t-${m.tags[0]}` : 'an-untagged'];
    if (m.tags.length > 1) classes.push('an-multi');
    if (m.id === focus) classes.push('an-focus');
    out.push(
      Decoration.inline(
        from,
        to,
        { class: classes.join(' '), title: m.title, 'data-annotation': m.id },
        { annotation: m.id, mark: m },
      ),
    );
  }
  return out;
}

/** The plugin; `onClick` receives the annotations under a click (innermost last). */
export function annotations(onClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean): Plugin {
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => ({ set: DecorationSet.empty, ids: new Set(), focus: null }),
      apply(tr: Transaction, value: AnnotationState): AnnotationState {
        const meta = tr.getMeta(annotationKey) as Meta | undefined;
        if (!meta && !tr.docChanged) return value;
        let { set, ids, focus } = value;
        if (tr.docChanged) set = set.map(tr.mapping, tr.doc);
        if (!meta) return { set, ids, focus };
        const pt = plainTextOf(tr.doc);
        if (meta.set) {
          focus = meta.focus !== undefined ? meta.focus : focus;
          return {
            set: DecorationSet.create(tr.doc, decorate(tr.doc, pt, meta.set, focus)),
            ids: new Set(meta.set.map((m) => m.id)),
            focus,
          };
        }
        ids = new Set(ids);
        const changed = new Set([...(meta.remove ?? []), ...(meta.add ?? []).map((m) => m.id)]);
        if (meta.focus !== undefined && meta.focus !== focus) {
          // Re-render the marks of the old and new focus.
          for (const id of [focus, meta.focus]) if (id) changed.add(id);
        }
        const kept = new Map<string, AnnotationMark>();
        const stale = set.find(undefined, undefined, (spec) => changed.has(spec.annotation as string));
        for (const d of stale) {
          const mark = d.spec.mark as AnnotationMark;
          if (!meta.remove?.includes(mark.id)) kept.set(mark.id, mark);
        }
        set = set.remove([...stale]); // remove() clears the array it is given
        for (const id of meta.remove ?? []) ids.delete(id);
        for (const m of meta.add ?? []) {
          ids.add(m.id);
          kept.delete(m.id);
        }
        focus = meta.focus !== undefined ? meta.focus : focus;
        // Marks re-rendered only for focus keep their current (mapped) range.
        const refocused: AnnotationMark[] = [];
        for (const [id, mark] of kept) {
          const pieces = stale.filter((d) => d.spec.annotation === id);
          const from = Math.min(...pieces.map((d) => d.from));
          const to = Math.max(...pieces.map((d) => d.to));
          refocused.push({ ...mark, start: posToOffset(pt, from), end: posToOffset(pt, to) });
        }
        set = set.add(tr.doc, decorate(tr.doc, pt, [...refocused, ...(meta.add ?? [])], focus));
        return { set, ids, focus };
      },
    },
    props: {
      decorations: (state: EditorState) => annotationKey.getState(state)?.set,
      handleClick(view, pos, event) {
        if (!onClick) return false;
        const found = annotationKey.getState(view.state)?.set.find(pos, pos) ?? [];
        const ids = [...new Set(found.map((d) => d.spec.annotation as string))];
        return ids.length ? onClick(view, ids, event) : false;
      },
    },
  });
}

/** A transaction replacing all annotation marks. */
export function setAnnotations(state: EditorState, marks: AnnotationMark[]): Transaction {
  return state.tr.setMeta(annotationKey, { set: marks } satisfies Meta).setMeta('addToHistory', false);
}

/** A transaction that adds, removes or focuses marks without touching the others. */
export function changeAnnotations(state: EditorState, meta: Meta): Transaction {
  return state.tr.setMeta(annotationKey, meta).setMeta('addToHistory', false);
}

/** Where each annotation of the pane is now (plain-text offsets), and which ones an edit deleted. */
export function annotationAnchors(state: EditorState): {
  anchors: { id: string; start: number; end: number }[];
  lost: string[];
} {
  const value = annotationKey.getState(state);
  if (!value) return { anchors: [], lost: [] };
  const pt = plainTextOf(state.doc);
  const ranges = new Map<string, { from: number; to: number }>();
  for (const d of value.set.find()) {
    const id = d.spec.annotation as string;
    const r = ranges.get(id);
    ranges.set(id, r ? { from: Math.min(r.from, d.from), to: Math.max(r.to, d.to) } : { from: d.from, to: d.to });
  }
  const anchors: { id: string; start: number; end: number }[] = [];
  const lost: string[] = [];
  for (const id of value.ids) {
    const r = ranges.get(id);
    const start = r ? posToOffset(pt, r.from) : 0;
    const end = r ? posToOffset(pt, r.to) : 0;
    if (r && end > start) anchors.push({ id, start, end });
    else lost.push(id);
  }
  return { anchors, lost };
}

/** The document position where an annotation starts, if it is in the pane. */
export function annotationPosition(state: EditorState, id: string): { from: number; to: number } | undefined {
  const found = annotationKey.getState(state)?.set.find(undefined, undefined, (spec) => spec.annotation === id) ?? [];
  if (!found.length) return undefined;
  return { from: Math.min(...found.map((d) => d.from)), to: Math.max(...found.map((d) => d.to)) };
}
