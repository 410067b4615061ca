/**
 * Connector curves between adjacent panes: each link joining a passage of one pane's
 * document to a passage of the next pane's is drawn as a curve across the gap between
 * them, in its relation's colour, with a bar beside each passage showing its extent; the
 * suggestion under focus is drawn fainter. A passage whose partner is scrolled out of
 * view gets a half-curve pointing up or down towards it. Clicking a curve selects its link.
 *
 * Drawing is split into `measure` (reads boxes only) and `render` (writes only), so a
 * frame reads layout once and never forces it again; the curves are painted on a canvas
 * per gap, so redrawing them touches no element's style or layout. Which passages face
 * each other across each gap is worked out once per change of the links, the focused
 * suggestion or the panes, not per frame; a frame only places them.
 */
import type { Link, LinkEnd, Relation, Suggestion } from '../../../common/model';
import type { Pane } from '../panes/pane';
import { CurveCanvas } from './curve-canvas';
import { HOOK } from './curve-paint';
import { PassagePlacer, type Place } from './geometry';

export interface CurveHost {
  panes(): Pane[];
  links(): Link[];
  /** The suggestion whose card is open, drawn as a fainter curve. */
  focusedSuggestion(): Suggestion | undefined;
  selectLink(id: string, near: DOMRect): void;
}

/** One curve to draw, in client coordinates. */
export interface Curve {
  kind: 'link' | 'suggestion';
  id: string;
  relation: Relation;
  /** The panes it joins, left then right; the gap between them is where it is drawn. */
  panes: [string, string];
  /** The cubic Bézier drawn: start, first and second control points, end (x, y each). */
  path: [number, number, number, number, number, number, number, number];
  /** Bars showing each visible passage's extent: x, top, bottom. */
  bars: [number, number, number][];
  /** For a half-curve: which way the partner lies. */
  toward?: 'up' | 'down';
  /** End points (y) on the left and right pane; a half-curve has only one. */
  y: [number | null, number | null];
  /** The gap's edges: where the curve leaves the left pane and meets the right one. */
  x: [number, number];
}

/** The gap between two adjacent panes (client coordinates), keyed by the left pane. */
export interface Gap {
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What one frame draws. */
export interface Drawing {
  curves: Curve[];
  gaps: Gap[];
}

interface End {
  id: string;
  kind: Curve['kind'];
  relation: Relation;
  index: number;
  end: Pick<LinkEnd, 'doc' | 'start' | 'end'> & { orphan?: boolean };
}

/** Two passages facing each other across a gap: `a` in the left pane's document, `b` in the right's. */
export type FacingPair = [a: End, b: End];

/**
 * For each pair of adjacent documents (`docs`, left to right), the passages of links (and
 * of the focused suggestion) with one end in each: what the curves across that gap join.
 */
export function facingPairs(docs: string[], links: Link[], focused?: Suggestion): FacingPair[][] {
  const byDoc = new Map<string, End[]>();
  const add = (e: End) => {
    const list = byDoc.get(e.end.doc);
    if (list) list.push(e);
    else byDoc.set(e.end.doc, [e]);
  };
  for (const link of links)
    link.ends.forEach((end, index) => {
      if (!end.orphan) add({ id: link.id, kind: 'link', relation: link.relation, index, end });
    });
  if (focused && focused.status !== 'accepted') {
    add({ id: focused.id, kind: 'suggestion', relation: focused.relation, index: 0, end: focused.a });
    add({ id: focused.id, kind: 'suggestion', relation: focused.relation, index: 1, end: focused.b });
  }
  const gaps: FacingPair[][] = [];
  for (let i = 0; i + 1 < docs.length; i++) {
    const pairs: FacingPair[] = [];
    const rightById = new Map<string, End[]>();
    for (const e of byDoc.get(docs[i + 1]) ?? []) {
      const list = rightById.get(e.id);
      if (list) list.push(e);
      else rightById.set(e.id, [e]);
    }
    for (const a of byDoc.get(docs[i]) ?? [])
      for (const b of rightById.get(a.id) ?? []) if (b.kind === a.kind && b.index !== a.index) pairs.push([a, b]);
    gaps.push(pairs);
  }
  return gaps;
}

export class ConnectorCurves {
  /** The drawing surface: one canvas per gap between panes. */
  readonly canvas: CurveCanvas;
  private readonly placers = new WeakMap<Pane, PassagePlacer>();
  /** The facing pairs, and what they were worked out from. */
  private pairs?: { links: Link[]; count: number; focused?: Suggestion; docs: string; gaps: FacingPair[][] };

  constructor(private readonly host: CurveHost) {
    this.canvas = new CurveCanvas((id, near) => host.selectLink(id, near));
  }

  /** The element holding the drawings. */
  get element(): HTMLElement {
    return this.canvas.element;
  }

  /** The links changed (added, removed, edited or reloaded): which passages face each other is worked out again. */
  linksChanged(): void {
    this.pairs = undefined;
  }

  private facing(panes: Pane[]): FacingPair[][] {
    const links = this.host.links();
    const focused = this.host.focusedSuggestion();
    const docs = panes.map((p) => p.docId);
    const key = docs.join('\n');
    const p = this.pairs;
    if (!p || p.links !== links || p.count !== links.length || p.focused !== focused || p.docs !== key)
      this.pairs = { links, count: links.length, focused, docs: key, gaps: facingPairs(docs, links, focused) };
    return this.pairs!.gaps;
  }

  /** Reads where every linked passage of adjacent panes is, and where the gaps are; writes nothing. */
  measure(): Drawing {
    const panes = this.host.panes().filter((p) => p.editorView());
    const gaps: Gap[] = [];
    if (panes.length < 2) return { curves: [], gaps };
    const facing = this.facing(panes);
    const boxes = new Map<Pane, { text: DOMRect; pane: DOMRect; placer: PassagePlacer; placed: Map<End, Place> }>();
    const boxOf = (p: Pane) => {
      let b = boxes.get(p);
      if (!b) {
        let placer = this.placers.get(p);
        if (!placer) this.placers.set(p, (placer = new PassagePlacer()));
        b = {
          text: p.scroller.getBoundingClientRect(),
          pane: p.element.getBoundingClientRect(),
          placer,
          placed: new Map(),
        };
        placer.begin(p.editorView()!, b.text);
        boxes.set(p, b);
      }
      return b;
    };
    const placeOf = (p: Pane, e: End): Place => {
      const b = boxOf(p);
      let place = b.placed.get(e);
      if (!place) b.placed.set(e, (place = b.placer.place(e.end.start, e.end.end)));
      return place;
    };
    const row = panes[0].element.parentElement?.getBoundingClientRect();
    const curves: Curve[] = [];
    for (let i = 0; i + 1 < panes.length; i++) {
      const [left, right] = [panes[i], panes[i + 1]];
      const lb = boxOf(left);
      const rb = boxOf(right);
      if (row && (lb.pane.right < row.left || rb.pane.left > row.right)) continue;
      const top = Math.min(lb.pane.top, rb.pane.top);
      gaps.push({
        key: left.id,
        left: lb.pane.right,
        top,
        width: Math.max(0, rb.pane.left - lb.pane.right),
        height: Math.max(lb.pane.bottom, rb.pane.bottom) - top,
      });
      for (const [a, b] of facing[i]) {
        const pa = placeOf(left, a);
        if (pa.at !== 'visible' && pa.at !== 'above' && pa.at !== 'below') continue;
        const pb = placeOf(right, b);
        // Both ends off screen: nothing to draw.
        if (pa.at !== 'visible' && pb.at !== 'visible') continue;
        const curve = this.curve(a, left, right, pa, pb, lb, rb);
        if (curve) curves.push(curve);
      }
    }
    return { curves, gaps };
  }

  private curve(
    a: End,
    left: Pane,
    right: Pane,
    pa: Place,
    pb: Place,
    lb: { text: DOMRect; pane: DOMRect },
    rb: { text: DOMRect; pane: DOMRect },
  ): Curve | undefined {
    const x1 = lb.pane.right;
    const x2 = rb.pane.left;
    const xm = (x1 + x2) / 2;
    const base = {
      kind: a.kind,
      id: a.id,
      relation: a.relation,
      panes: [left.id, right.id] as [string, string],
    };
    const mid = (p: Place & { at: 'visible' }) => (p.top + p.bottom) / 2;
    if (pa.at === 'visible' && pb.at === 'visible') {
      const y1 = mid(pa);
      const y2 = mid(pb);
      return {
        ...base,
        path: [x1, y1, xm, y1, xm, y2, x2, y2] as Curve['path'],
        bars: [
          [x1 + 2, pa.top, pa.bottom],
          [x2 - 2, pb.top, pb.bottom],
        ],
        y: [y1, y2],
        x: [x1, x2],
      };
    }
    const hook = (from: number, y: number, p: Place & { at: 'visible' }, other: Place, box: DOMRect, x: number) => {
      if (other.at !== 'above' && other.at !== 'below') return undefined;
      const toward = other.at === 'above' ? 'up' : 'down';
      const ty = toward === 'up' ? Math.max(box.top + 6, y - HOOK) : Math.min(box.bottom - 6, y + HOOK);
      return {
        ...base,
        path: [from, y, xm, y, xm, y, xm, ty] as Curve['path'],
        bars: [[x, p.top, p.bottom]] as [number, number, number][],
        toward: toward as 'up' | 'down',
      };
    };
    if (pa.at === 'visible') {
      const c = hook(x1, mid(pa), pa, pb, rb.text, x1 + 2);
      return c && { ...c, y: [mid(pa), null], x: [x1, x2] };
    }
    if (pb.at === 'visible') {
      const c = hook(x2, mid(pb), pb, pa, lb.text, x2 - 2);
      return c && { ...c, y: [null, mid(pb)], x: [x1, x2] };
    }
    return undefined;
  }

  /** Draws the measured curves (writes only). */
  render(drawing: Drawing): void {
    this.canvas.render(drawing);
  }
}
