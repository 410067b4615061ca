/**
 * Connector curves between adjacent panes: each link joining a passage of one pane's
 * document to a passage of the next pane's is drawn as a curve across the gap between
 * them, in its relation's colour, with a bar beside each passage showing its extent; the
 * suggestion under focus is drawn fainter. A passage whose partner is scrolled out of
 * view gets a half-curve pointing up or down towards it. Clicking a curve selects its link.
 *
 * Drawing is split into `measure` (reads boxes only) and `render` (writes only), so a
 * frame reads layout once and never forces it again.
 */
import type { Link, LinkEnd, Relation, Suggestion } from '../../../common/model';
import type { Pane } from '../panes/pane';
import { placePassage, type Place } from './geometry';

const SVG = 'http://www.w3.org/2000/svg';
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
  /** The panes it joins, left then right. */
  panes: [string, string];
  d: string;
  /** Bars showing each visible passage's extent: x, top, bottom. */
  bars: [number, number, number][];
  /** For a half-curve: which way the partner lies. */
  toward?: 'up' | 'down';
  /** End points (y) on the left and right pane; a half-curve has only one. */
  y: [number | null, number | null];
}

interface End {
  id: string;
  kind: Curve['kind'];
  relation: Relation;
  index: number;
  end: Pick<LinkEnd, 'doc' | 'start' | 'end'> & { orphan?: boolean };
}

export class ConnectorCurves {
  readonly element: SVGSVGElement;
  private readonly layer: SVGGElement;
  private readonly drawn = new Map<string, SVGGElement>();

  constructor(private readonly host: CurveHost) {
    this.element = document.createElementNS(SVG, 'svg');
    this.element.classList.add('connectors');
    this.element.setAttribute('aria-hidden', 'true');
    const defs = document.createElementNS(SVG, 'defs');
    for (const relation of ['agree', 'conflict', 'related']) {
      const marker = document.createElementNS(SVG, 'marker');
      marker.id = `curve-arrow-${relation}`;
      for (const [k, v] of Object.entries({
        viewBox: '0 0 10 10',
        refX: '5',
        refY: '5',
        markerWidth: '7',
        markerHeight: '7',
        orient: 'auto-start-reverse',
      }))
        marker.setAttribute(k, v);
      const tip = document.createElementNS(SVG, 'path');
      tip.setAttribute('d', 'M0,0 L10,5 L0,10 z');
      tip.classList.add(`curve-tip-${relation}`);
      marker.append(tip);
      defs.append(marker);
    }
    this.layer = document.createElementNS(SVG, 'g');
    this.element.append(defs, this.layer);
    this.element.addEventListener('click', (event) => {
      const group = (event.target as Element).closest<SVGGElement>('g.connector');
      if (group?.dataset.kind === 'link' && group.dataset.id)
        this.host.selectLink(group.dataset.id, new DOMRect(event.clientX, event.clientY, 1, 1));
    });
  }

  /** Reads where every linked passage of adjacent panes is; writes nothing. */
  measure(): Curve[] {
    const panes = this.host.panes().filter((p) => p.editorView());
    if (panes.length < 2) return [];
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
    const boxes = new Map<Pane, { text: DOMRect; pane: DOMRect }>();
    const boxOf = (p: Pane) => {
      let b = boxes.get(p);
      if (!b) boxes.set(p, (b = { text: p.scroller.getBoundingClientRect(), pane: p.element.getBoundingClientRect() }));
      return b;
    };
    const places = new Map<string, Place>();
    const placeOf = (p: Pane, e: End): Place => {
      const key = `${p.id}|${e.kind}|${e.id}|${e.index}`;
      let place = places.get(key);
      if (!place) places.set(key, (place = placePassage(p.editorView()!, boxOf(p).text, e.end.start, e.end.end)));
      return place;
    };
    const row = panes[0].element.parentElement?.getBoundingClientRect();
    const curves: Curve[] = [];
    for (let i = 0; i + 1 < panes.length; i++) {
      const [left, right] = [panes[i], panes[i + 1]];
      const leftEnds = byDoc.get(left.docId);
      const rightEnds = byDoc.get(right.docId);
      if (!leftEnds || !rightEnds) continue;
      const lb = boxOf(left);
      const rb = boxOf(right);
      if (row && (lb.pane.right < row.left || rb.pane.left > row.right)) continue;
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
    return curves;
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
      return c && { ...c, y: [mid(pa), null] };
    }
    if (pb.at === 'visible') {
      const c = hook(x2, mid(pb), pb, pa, lb.text, x2 - 2);
      return c && { ...c, y: [null, mid(pb)] };
    }
    return undefined;
  }

  /** Writes the measured curves, reusing the elements of curves already drawn. */
  render(curves: Curve[]): void {
    const keep = new Set<string>();
    for (const c of curves) {
      keep.add(c.key);
      let group = this.drawn.get(c.key);
      if (!group) {
        group = document.createElementNS(SVG, 'g');
        const hit = document.createElementNS(SVG, 'path');
        hit.classList.add('curve-hit');
        const line = document.createElementNS(SVG, 'path');
        line.classList.add('curve');
        group.append(hit, line);
        this.layer.append(group);
        this.drawn.set(c.key, group);
      }
      const [hit, line] = [group.children[0], group.children[1]];
      group.setAttribute('class', `connector connector-${c.kind} rel-${c.relation}${c.toward ? ' is-half' : ''}`);
      group.dataset.kind = c.kind;
      group.dataset.id = c.id;
      group.dataset.panes = c.panes.join(' ');
      group.dataset.y = c.y.map((y) => (y === null ? '' : y.toFixed(1))).join(' ');
      if (c.toward) group.dataset.toward = c.toward;
      else delete group.dataset.toward;
      hit.setAttribute('d', c.d);
      line.setAttribute('d', c.d);
      if (c.toward) line.setAttribute('marker-end', `url(#curve-arrow-${c.relation})`);
      else line.removeAttribute('marker-end');
      const bars = Array.from(group.querySelectorAll('line'));
      c.bars.forEach(([x, top, bottom], i) => {
        let bar = bars[i];
        if (!bar) {
          bar = document.createElementNS(SVG, 'line');
          bar.classList.add('curve-bar');
          group.append(bar);
        }
        bar.setAttribute('x1', String(x));
        bar.setAttribute('x2', String(x));
        bar.setAttribute('y1', String(top));
        bar.setAttribute('y2', String(bottom));
      });
      for (const extra of bars.slice(c.bars.length)) extra.remove();
    }
    for (const [key, group] of this.drawn) {
      if (!keep.has(key)) {
        group.remove();
        this.drawn.delete(key);
      }
    }
  }
}
