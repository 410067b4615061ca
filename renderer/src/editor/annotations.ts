/**
 * Tagged passages in a pane, as inline decorations held in plugin state: mapped
 * through edits, changed only by transaction metadata (set, add, remove, focus). Each
 * is coloured by its first tag; where annotations overlap, their fills blend and their
 * underlines stack. Annotation ids travel in the decorations' spec, so after an edit
 * the pane can tell the store where every range went, or that it was deleted.
 *
 * A dense text carries thousands of these, so each stretch is styled by classes only
 * (no inline style, which would defeat the browser's style sharing), and its hover text
 * is written on the first hover rather than into every element up front.
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
  /** Tag ids; the first one's colour shows (through the classes `an-l1-<tag>`…`an-l3-<tag>`). */
  tags: string[];
  /** Hover text: tags and note. */
  title: string;
}

/** A mark placed in the document (ProseMirror positions). */
interface Placed {
  mark: AnnotationMark;
  from: number;
  to: number;
}

interface AnnotationState {
  /** One decoration per stretch of text covered by the same annotations. */
  set: DecorationSet;
  /** Every annotation given to the pane, whether or not its range survives. */
  marks: Map<string, AnnotationMark>;
  focus: string | null;
}

type Meta = { set?: AnnotationMark[]; add?: AnnotationMark[]; remove?: string[]; focus?: string | null };

export const annotationKey = new PluginKey<AnnotationState>('annotations');

/** Overlapping layers drawn distinctly; deeper ones share the third layer's look. */
const MAX_LAYERS = 3;

/**
 * Cuts the marks into stretches covered by the same set of annotations, one inline
 * decoration each. Nesting one element per annotation instead would multiply the DOM
 * by the overlap depth (a dense text reaches tens of thousands of spans), which makes
 * both painting and typing slow. Each stretch lists its annotations in its spec and
 * draws up to three of them as blended fills with stacked underlines.
 */
function decorate(doc: Node, placed: Placed[], focus: string | null): DecorationSet {
  const edges: { pos: number; open: boolean; p: Placed }[] = [];
  for (const p of placed) {
    if (p.to <= p.from || p.to > doc.content.size) continue;
    edges.push({ pos: p.from, open: true, p }, { pos: p.to, open: false, p });
  }
  edges.sort((a, b) => a.pos - b.pos || Number(a.open) - Number(b.open));
  const active = new Set<Placed>();
  const out: Decoration[] = [];
  let last = 0;
  for (const edge of edges) {
    if (edge.pos > last && active.size) {
      // Widest first, so the innermost (shortest) annotation is drawn on top and listed last.
      const layers = [...active].sort((a, b) => b.to - b.from - (a.to - a.from));
      const ids = layers.map((l) => l.mark.id);
      const shown = layers.slice(-MAX_LAYERS).reverse();
      const classes = ['an', `an-d${shown.length}`];
      shown.forEach((l, i) => {
        if (l.mark.tags.length) classes.push(`an-l${i + 1}-${l.mark.tags[0]}`);
      });
      if (focus && ids.includes(focus)) classes.push('an-focus');
      out.push(
        Decoration.inline(
          last,
          edge.pos,
          { class: classes.join(' '), 'data-annotations': ids.join(' ') },
          { annotations: ids },
        ),
      );
    }
    last = edge.pos;
    if (edge.open) active.add(edge.p);
    else active.delete(edge.p);
  }
  return DecorationSet.create(doc, out);
}

/** The hover text of a stretch: every annotation over it, innermost last. */
export function stretchTitle(state: EditorState, ids: string[]): string {
  const marks = annotationKey.getState(state)?.marks;
  return ids
    .map((id) => marks?.get(id)?.title)
    .filter(Boolean)
    .join('\n—\n');
}

/** Where each annotation is now (ProseMirror positions), from the stretches that carry it. */
function currentRanges(set: DecorationSet): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const d of set.find()) {
    for (const id of d.spec.annotations as string[]) {
      const r = ranges.get(id);
      ranges.set(id, r ? { from: Math.min(r.from, d.from), to: Math.max(r.to, d.to) } : { from: d.from, to: d.to });
    }
  }
  return ranges;
}

function place(pt: PlainText, marks: Iterable<AnnotationMark>): Placed[] {
  const out: Placed[] = [];
  for (const mark of marks) {
    out.push({ mark, from: offsetToPos(pt, mark.start, 'after'), to: offsetToPos(pt, mark.end, 'before') });
  }
  return out;
}

/** The plugin; `onClick` receives the annotations under a click (innermost last). */
export function annotations(onClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean): Plugin {
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => ({ set: DecorationSet.empty, marks: new Map(), focus: null }),
      apply(tr: Transaction, value: AnnotationState): AnnotationState {
        const meta = tr.getMeta(annotationKey) as Meta | undefined;
        if (!meta && !tr.docChanged) return value;
        const set = tr.docChanged ? value.set.map(tr.mapping, tr.doc) : value.set;
        if (!meta) return { ...value, set };
        const focus = meta.focus !== undefined ? meta.focus : value.focus;
        if (meta.set) {
          const marks = new Map(meta.set.map((m) => [m.id, m]));
          return { set: decorate(tr.doc, place(plainTextOf(tr.doc), marks.values()), focus), marks, focus };
        }
        // Add, remove or refocus: the other annotations keep their current (mapped) ranges.
        const marks = new Map(value.marks);
        for (const id of meta.remove ?? []) marks.delete(id);
        const ranges = currentRanges(set);
        const placed: Placed[] = [];
        for (const [id, mark] of marks) {
          const r = ranges.get(id);
          if (r) placed.push({ mark, ...r });
        }
        const added = meta.add ?? [];
        for (const m of added) marks.set(m.id, m);
        placed.push(...place(plainTextOf(tr.doc), added));
        return { set: decorate(tr.doc, placed, focus), marks, focus };
      },
    },
    view: () => ({
      // A stretch keeps its element when its annotations are the same ones, so hover text
      // already written (a note since edited, a tag renamed) is rewritten from the new marks.
      update(view, prev) {
        if (annotationKey.getState(view.state)?.marks === annotationKey.getState(prev)?.marks) return;
        for (const el of view.dom.querySelectorAll<HTMLElement>('.an[title]')) {
          el.title = stretchTitle(view.state, (el.dataset.annotations ?? '').split(' '));
        }
      },
    }),
    props: {
      decorations: (state: EditorState) => annotationKey.getState(state)?.set,
      handleDOMEvents: {
        mouseover(view, event) {
          const el = (event.target as Element | null)?.closest?.('.an');
          if (el instanceof HTMLElement && !el.title && el.dataset.annotations) {
            el.title = stretchTitle(view.state, el.dataset.annotations.split(' '));
          }
          return false;
        },
      },
      handleClick(view, pos, event) {
        if (!onClick) return false;
        // The stretch clicked lists its annotations; the position alone also matches
        // stretches that merely end or begin there.
        const el = (event.target as Element | null)?.closest?.('.an');
        const found = annotationKey.getState(view.state)?.set.find(pos, pos) ?? [];
        const ids =
          el instanceof HTMLElement && el.dataset.annotations
            ? el.dataset.annotations.split(' ')
            : found.length
              ? (found[found.length - 1].spec.annotations as string[])
              : [];
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
  const ranges = currentRanges(value.set);
  const anchors: { id: string; start: number; end: number }[] = [];
  const lost: string[] = [];
  for (const id of value.marks.keys()) {
    const r = ranges.get(id);
    const start = r ? posToOffset(pt, r.from) : 0;
    const end = r ? posToOffset(pt, r.to) : 0;
    if (r && end > start) anchors.push({ id, start, end });
    else lost.push(id);
  }
  return { anchors, lost };
}

/** Whether the pane was given this annotation (drawn, or lost in an edit). */
export function hasAnnotation(state: EditorState, id: string): boolean {
  return annotationKey.getState(state)?.marks.has(id) ?? false;
}

/** Where an annotation is in the pane's document, if it is there. */
export function annotationPosition(state: EditorState, id: string): { from: number; to: number } | undefined {
  const value = annotationKey.getState(state);
  if (!value) return undefined;
  const found = value.set.find(undefined, undefined, (spec) => (spec.annotations as string[]).includes(id));
  if (!found.length) return undefined;
  return { from: Math.min(...found.map((d) => d.from)), to: Math.max(...found.map((d) => d.to)) };
}
