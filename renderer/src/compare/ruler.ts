/**
 * The overview ruler beside a pane's text: where in the whole document its links (by
 * relation colour), suggested conflicts and tagged passages lie, and which part is on
 * screen. Clicking a mark scrolls to its passage; clicking elsewhere, or dragging,
 * scrolls to that part of the text; pointing at a mark names it.
 *
 * The marks are painted on one canvas, redrawn only when they or the ruler's size
 * change: hundreds of positioned elements per ruler each made a layer the browser had
 * to hit-test and composite again on every scroll frame.
 */
import type { Relation } from '../../../common/model';
import { h } from '../dom';
import type { Pane } from '../panes/pane';
import { RELATION_COLOURS } from './curve-paint';
import { plainText } from './geometry';

/** A passage to mark on the ruler. */
export interface RulerMark {
  lane: 'tag' | 'link' | 'conflict';
  start: number;
  end: number;
  /** Hover text. */
  title: string;
  relation?: Relation;
  /** A tag's colour. */
  color?: string;
}

/** A mark as painted: where on the ruler (shares of its height) and in what colour. */
export interface PaintedMark {
  lane: RulerMark['lane'];
  relation?: Relation;
  color: string;
  /** Its top and height as shares of the ruler's height (the height at least 3 px when painted). */
  top: number;
  height: number;
  title: string;
  start: number;
  end: number;
}

/** The ruler's element, with the marks it paints (for tests and tools). */
export interface RulerElement extends HTMLDivElement {
  marks: PaintedMark[];
}

export interface RulerHost {
  marks(pane: Pane): RulerMark[];
  /** Scrolls the pane to a passage and flashes it. */
  reveal(pane: Pane, start: number, end: number): void;
}

/** How close (in pixels) a click must come to a mark to jump to it. */
const SNAP = 5;
/** Each lane's place across the ruler (pixels from its left edge, width) and default colour. */
const LANES: Record<RulerMark['lane'], { left: number; width: number; colour: string; alpha: number }> = {
  tag: { left: 1, width: 3, colour: '#8a8f98', alpha: 1 },
  link: { left: 4, width: 4, colour: '#8a8f98', alpha: 1 },
  conflict: { left: -3, width: 2, colour: RELATION_COLOURS.conflict, alpha: 0.6 },
};
const TITLE = 'Where links, conflicts and tags lie in the whole text: click to jump there';

export class OverviewRuler {
  readonly element: RulerElement;
  private readonly thumb: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private placed: { y: number; mark: RulerMark }[] = [];
  private thumbStyle = '';
  private size = '';

  constructor(
    private readonly pane: Pane,
    private readonly host: RulerHost,
  ) {
    this.thumb = h('div', { class: 'ruler-thumb' });
    this.canvas = h('canvas', { class: 'ruler-marks' });
    this.element = Object.assign(h('div', { class: 'ruler', title: TITLE }, this.canvas, this.thumb), {
      marks: [] as PaintedMark[],
    });
    this.element.addEventListener('pointerdown', (event) => this.pointerDown(event));
    this.element.addEventListener('mousemove', (event) => this.pointedAt(event), { passive: true });
    new ResizeObserver(() => this.paint()).observe(this.element);
    pane.addBeside(this.element);
  }

  /** Re-reads the marks (after the text, links, tags or suggestions changed) and paints them. */
  refresh(): void {
    const view = this.pane.editorView();
    const length = view ? plainText(view.state.doc).text.length : 0;
    const marks = length ? this.host.marks(this.pane) : [];
    const rows = new Map<string, PaintedMark>();
    this.placed = [];
    for (const mark of marks) {
      const share = Math.min(1, mark.start / length);
      const extent = Math.max(0, Math.min(1, mark.end / length) - share);
      this.placed.push({ y: share, mark });
      // One painted mark per lane and pixel-ish row: thousands of marks stay a few hundred.
      const colour = mark.color ?? (mark.relation ? RELATION_COLOURS[mark.relation] : LANES[mark.lane].colour);
      const key = `${mark.lane}|${colour}|${Math.round(share * 400)}`;
      if (rows.has(key)) continue;
      rows.set(key, {
        lane: mark.lane,
        relation: mark.relation,
        color: colour,
        top: share,
        height: extent,
        title: mark.title,
        start: mark.start,
        end: mark.end,
      });
    }
    this.element.marks = [...rows.values()];
    this.size = '';
    this.paint();
  }

  /** Paints the marks at the ruler's present size (again only if the marks or the size changed). */
  private paint(): void {
    const dpr = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const size = `${width}x${height}@${dpr}`;
    if (size === this.size) return;
    this.size = size;
    const [w, hgt] = [Math.round(width * dpr), Math.round(height * dpr)];
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== hgt) this.canvas.height = hgt;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !w || !hgt) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const m of this.element.marks) {
      const lane = LANES[m.lane];
      ctx.globalAlpha = lane.alpha;
      ctx.fillStyle = m.color;
      const x = lane.left >= 0 ? lane.left : width + lane.left;
      ctx.fillRect(x, m.top * height, lane.width, Math.max(3, m.height * height));
    }
    ctx.globalAlpha = 1;
  }

  /** The mark within reach of a point on the ruler, if any. */
  private markNear(clientY: number): RulerMark | undefined {
    const box = this.element.getBoundingClientRect();
    const at = (clientY - box.top) / box.height;
    let best: { y: number; mark: RulerMark } | undefined;
    for (const p of this.placed) {
      const distance = Math.abs(p.y - at) * box.height;
      if (distance <= SNAP && (!best || distance < Math.abs(best.y - at) * box.height)) best = p;
    }
    return best?.mark;
  }

  /** Pointing at a mark names its passage. */
  private pointedAt(event: MouseEvent): void {
    if (event.buttons) return;
    const title = this.markNear(event.clientY)?.title ?? TITLE;
    if (this.element.title !== title) this.element.title = title;
  }

  /** Where the visible part of the text is on the ruler, in pixels (read in a frame). */
  measure(): { top: number; height: number } {
    const s = this.pane.scroller;
    const total = Math.max(1, s.scrollHeight);
    const size = this.element.clientHeight;
    return { top: (s.scrollTop / total) * size, height: Math.min(1, s.clientHeight / total) * size };
  }

  /**
   * Moves the thumb that shows the visible part (written in a frame). It moves by a
   * transform on its own layer, so scrolling repaints nothing around it.
   */
  render(view: { top: number; height: number }): void {
    const style = `transform:translateY(${view.top.toFixed(1)}px);height:${Math.max(4, view.height).toFixed(1)}px`;
    if (style !== this.thumbStyle) this.thumb.setAttribute('style', (this.thumbStyle = style));
  }

  private pointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const box = this.element.getBoundingClientRect();
    const share = (y: number) => Math.max(0, Math.min(1, (y - box.top) / box.height));
    const mark = this.markNear(event.clientY);
    if (mark) {
      this.host.reveal(this.pane, mark.start, mark.end);
      return;
    }
    const scrollTo = (y: number) => {
      const s = this.pane.scroller;
      s.scrollTop = share(y) * s.scrollHeight - s.clientHeight / 2;
    };
    scrollTo(event.clientY);
    this.element.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => scrollTo(e.clientY);
    const up = () => {
      this.element.removeEventListener('pointermove', move);
      this.element.removeEventListener('pointerup', up);
    };
    this.element.addEventListener('pointermove', move);
    this.element.addEventListener('pointerup', up);
  }
}
