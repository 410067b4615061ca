/**
 * Connector curves between adjacent panes: each link joining a passage of one pane's
 * document to a passage of the next pane's is drawn as a curve across the gap between
 * them, in its relation's colour, with a bar beside each passage showing its extent; the
 * suggestion under focus is drawn fainter. A passage whose partner is scrolled out of
 * view gets a half-curve pointing up or down towards it. Clicking a curve selects its link.
 *
 * Drawing is split into `measure` (reads boxes only) and `render` (writes only), so a
 * frame reads layout once and never forces it again; the curves are painted on a canvas
 * per gap, so redrawing them touches no element's style or layout.
 */
import type { Link, LinkEnd, Relation, Suggestion } from '../../../common/model';
import type { Pane } from '../panes/pane';
import { CurveCanvas } from './curve-canvas';
import { PassagePlacer, type Place } from './geometry';

/** How far a half-curve runs before its arrow, in pixels. */
const HOOK = 28;

export interface CurveHost {
  panes(): Pane[];
  links(): Link[];
  /** The suggestion whose card is open, drawn as a fainter curve. */
  focusedSuggestion(): Suggestion | undefined;
  selectLink(id: string, near: DOMRect): void;
}

/** One curve to draw, in client coordinates. */
export interface Curve {
  key: string;
  kind: 'link' | 'suggestion';
  id: string;
  relation: Relation;
  /** The panes it joins, left then right; the gap between them is where it is drawn. */
  panes: [string, string];
  d: string;
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

export class ConnectorCurves {
  /** The drawing surface: one canvas per gap between panes. */
  readonly canvas: CurveCanvas;
  private readonly placers = new WeakMap<Pane, PassagePlacer>();

  constructor(private readonly host: CurveHost) {
    this.canvas = new CurveCanvas((id, near) => host.selectLink(id, near));
  }

  /** The element holding the drawings. */
  get element(): HTMLElement {
    return this.canvas.element;
  }

  /** Reads where every linked passage of adjacent panes is, and where the gaps are; writes nothing. */
  measure(): Drawing {
    const panes = this.host.panes().filter((p) => p.editorView());
    const gaps: Gap[] = [];
    if (panes.length < 2) return { curves: [], gaps };
    const byDoc = new Map<string, End[]>();
    const add = (e: End) => {
      const list = byDoc.get(e.end.doc);
      if (list) list.push(e);
      else byDoc.set(e.end.doc, [e]);
    };
    for (const link of this.host.links())
      link.ends.forEach((end, index) => {
        if (!end.orphan) add({ id: link.id, kind: 'link', relation: link.relation, index, end });
      });
    const s = this.host.focusedSuggestion();
    if (s && s.status !== 'accepted') {
      add({ id: s.id, kind: 'suggestion', relation: s.relation, index: 0, end: s.a });
      add({ id: s.id, kind: 'suggestion', relation: s.relation, index: 1, end: s.b });
    }
    const boxes = new Map<Pane, { text: DOMRect; pane: DOMRect; placer: PassagePlacer }>();
    const boxOf = (p: Pane) => {
      let b = boxes.get(p);
      if (!b) {
        let placer = this.placers.get(p);
        if (!placer) this.placers.set(p, (placer = new PassagePlacer()));
        b = { text: p.scroller.getBoundingClientRect(), pane: p.element.getBoundingClientRect(), placer };
        placer.begin(p.editorView()!, b.text);
        boxes.set(p, b);
      }
      return b;
    };
    const places = new Map<string, Place>();
    const placeOf = (p: Pane, e: End): Place => {
      const key = `${p.id}|${e.kind}|${e.id}|${e.index}`;
      let place = places.get(key);
      if (!place) places.set(key, (place = boxOf(p).placer.place(e.end.start, e.end.end)));
      return place;
    };
    const row = panes[0].element.parentElement?.getBoundingClientRect();
    const curves: Curve[] = [];
    for (let i = 0; i + 1 < panes.length; i++) {
      const [left, right] = [panes[i], panes[i + 1]];
      const leftEnds = byDoc.get(left.docId);
      const rightEnds = byDoc.get(right.docId);
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
      if (!leftEnds || !rightEnds) continue;
      const rightById = new Map<string, End[]>();
      for (const e of rightEnds) {
        const list = rightById.get(e.id);
        if (list) list.push(e);
        else rightById.set(e.id, [e]);
      }
      for (const a of leftEnds) {
        for (const b of rightById.get(a.id) ?? []) {
          if (b.kind !== a.kind || b.index === a.index) continue;
          const pa = placeOf(left, a);
          const pb = placeOf(right, b);
          const curve = this.curve(a, b, left, right, pa, pb, lb, rb);
          if (curve) curves.push(curve);
        }
      }
    }
    return { curves, gaps };
  }

  private curve(
    a: End,
    b: End,
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
      key: `${a.kind}|${a.id}|${a.index}|${b.index}|${left.id}`,
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
        d: `M${x1},${y1} C${xm},${y1} ${xm},${y2} ${x2},${y2}`,
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
        d: `M${from},${y} C${xm},${y} ${xm},${y} ${xm},${ty}`,
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
