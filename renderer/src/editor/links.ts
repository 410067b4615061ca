/**
 * The analyst's links in a pane: each link end in this document is an inline
 * decoration held in plugin state, mapped through edits and changed only by
 * transaction metadata (set all, add or remove links, focus one). The link id and the
 * end's key (`<link id>:<index>`, as `saveDocument` names it) travel in the spec, so a
 * save tells the store exactly where every end went, or that an edit deleted it.
 * Styled by class: `lk lk-<relation>`, and `lk-focus` on the link in focus.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf, posToOffset } from '../../../common/plaintext';
import type { Relation } from '../../../common/model';

/** One end of a link in this pane's document, as plain-text offsets. */
export interface LinkMark {
  /** The end's key: `<link id>:<index>`. */
  key: string;
  link: string;
  relation: Relation;
  start: number;
  end: number;
  /** Hover text: relation, the other passages, note. */
  title: string;
}

interface LinkState {
  set: DecorationSet;
  /** Every end given to the pane, whether or not its range survives the edits since. */
  marks: Map<string, LinkMark>;
  focus: string | null;
}

type Meta = { set?: LinkMark[]; add?: LinkMark[]; remove?: string[]; focus?: string | null };

export const linkKey = new PluginKey<LinkState>('links');

function decoration(mark: LinkMark, from: number, to: number, focus: string | null): Decoration {
  // Overlapping decorations share one element (classes joined, other attributes
  // overwritten), so the link's id also travels as a class.
  const cls = `lk lk-${mark.relation} lk-id-${mark.link}${focus === mark.link ? ' lk-focus' : ''}`;
  return Decoration.inline(
    from,
    to,
    { class: cls, 'data-link': mark.link, title: mark.title },
    { link: mark.link, end: mark.key },
  );
}

function placed(doc: Node, marks: Iterable<LinkMark>, focus: string | null): Decoration[] {
  const pt = plainTextOf(doc);
  const out: Decoration[] = [];
  for (const m of marks) {
    const from = offsetToPos(pt, m.start, 'after');
    const to = offsetToPos(pt, m.end, 'before');
    if (to > from && to <= doc.content.size) out.push(decoration(m, from, to, focus));
  }
  return out;
}

/** Where each end is now (ProseMirror positions). */
function currentRanges(set: DecorationSet): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const d of set.find()) {
    const key = d.spec.end as string;
    const r = ranges.get(key);
    ranges.set(key, r ? { from: Math.min(r.from, d.from), to: Math.max(r.to, d.to) } : { from: d.from, to: d.to });
  }
  return ranges;
}

/** Redraws the ends of some links at their current (mapped) places, e.g. to move the focus. */
function redraw(doc: Node, value: LinkState, set: DecorationSet, links: Set<string>, focus: string | null) {
  const old = set.find(undefined, undefined, (spec) => links.has(spec.link as string));
  const ranges = currentRanges(set);
  const fresh: Decoration[] = [];
  for (const [key, mark] of value.marks) {
    const r = links.has(mark.link) ? ranges.get(key) : undefined;
    if (r) fresh.push(decoration(mark, r.from, r.to, focus));
  }
  return set.remove(old).add(doc, fresh);
}

function apply(tr: Transaction, value: LinkState): LinkState {
  const meta = tr.getMeta(linkKey) as Meta | undefined;
  if (!meta && !tr.docChanged) return value;
  let set = tr.docChanged ? value.set.map(tr.mapping, tr.doc) : value.set;
  if (!meta) return { ...value, set };
  const focus = meta.focus !== undefined ? meta.focus : value.focus;
  if (meta.set) {
    const marks = new Map(meta.set.map((m) => [m.key, m]));
    return { set: DecorationSet.create(tr.doc, placed(tr.doc, marks.values(), focus)), marks, focus };
  }
  const marks = new Map(value.marks);
  // A changed link is removed and added again: its ends come back from the offsets given.
  const removed = new Set([...(meta.remove ?? []), ...(meta.add ?? []).map((m) => m.link)]);
  if (removed.size) {
    set = set.remove(set.find(undefined, undefined, (spec) => removed.has(spec.link as string)));
    for (const [key, m] of marks) if (removed.has(m.link)) marks.delete(key);
  }
  if (meta.add?.length) {
    for (const m of meta.add) marks.set(m.key, m);
    set = set.add(tr.doc, placed(tr.doc, meta.add, focus));
  }
  if (focus !== value.focus) {
    const changed = new Set([value.focus, focus].filter((x): x is string => !!x));
    set = redraw(tr.doc, { ...value, marks }, set, changed, focus);
  }
  return { set, marks, focus };
}

/** The plugin; `onClick` receives the links under a click, innermost (shortest) first. */
export function links(onClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean): Plugin<LinkState> {
  return new Plugin<LinkState>({
    key: linkKey,
    state: {
      init: () => ({ set: DecorationSet.empty, marks: new Map(), focus: null }),
      apply,
    },
    props: {
      decorations: (state: EditorState) => linkKey.getState(state)?.set,
      handleClick(view, pos, event) {
        if (!onClick) return false;
        const ids = linksAt(view.state, pos);
        return ids.length ? onClick(view, ids, event) : false;
      },
    },
  });
}

/** The links with an end over a position, innermost (shortest) first. */
export function linksAt(state: EditorState, pos: number): string[] {
  const found = linkKey.getState(state)?.set.find(pos, pos) ?? [];
  const inside = found.filter((d) => d.from < pos || d.to > pos || d.from === d.to);
  inside.sort((x, y) => x.to - x.from - (y.to - y.from));
  return [...new Set(inside.map((d) => d.spec.link as string))];
}

/** A transaction replacing all link marks. */
export function setLinks(state: EditorState, marks: LinkMark[]): Transaction {
  return state.tr.setMeta(linkKey, { set: marks } satisfies Meta).setMeta('addToHistory', false);
}

/** A transaction that adds (or replaces), removes or focuses links without touching the others. */
export function changeLinks(state: EditorState, meta: Meta): Transaction {
  return state.tr.setMeta(linkKey, meta).setMeta('addToHistory', false);
}

/** Where each link end of the pane is now (plain-text offsets), and which ends an edit deleted. */
export function linkAnchors(state: EditorState): {
  anchors: { id: string; start: number; end: number }[];
  lost: string[];
} {
  const value = linkKey.getState(state);
  if (!value) return { anchors: [], lost: [] };
  const pt = plainTextOf(state.doc);
  const ranges = currentRanges(value.set);
  const anchors: { id: string; start: number; end: number }[] = [];
  const lost: string[] = [];
  for (const key of value.marks.keys()) {
    const r = ranges.get(key);
    const start = r ? posToOffset(pt, r.from) : 0;
    const end = r ? posToOffset(pt, r.to) : 0;
    if (r && end > start) anchors.push({ id: key, start, end });
    else lost.push(key);
  }
  return { anchors, lost };
}

/** Where a link end (`<link id>:<index>`) is in this document, if it is there. */
export function linkEndPosition(state: EditorState, key: string): { from: number; to: number } | undefined {
  const found = linkKey.getState(state)?.set.find(undefined, undefined, (spec) => spec.end === key) ?? [];
  if (!found.length) return undefined;
  return { from: Math.min(...found.map((d) => d.from)), to: Math.max(...found.map((d) => d.to)) };
}
