/**
 * Paints connector curves: one canvas per gap between panes, exactly as large as the
 * gap, redrawn each frame without touching any element's style or layout (a changed SVG
 * path would restyle and re-lay out its element every frame). Clicks are matched against
 * the curves last drawn; what was drawn stays readable as `curves` on the container, for
 * tests and tools.
 */
import type { Relation } from '../../../common/model';
import type { Curve, Drawing, Gap } from './curves';

const COLOURS: Record<Relation, string> = { agree: '#2d6a3e', conflict: '#a33a2a', related: '#2f5d8a' };
/** How near (in pixels) a click must come to a curve to select it. */
const HIT_WIDTH = 10;

/** The container, with what it last drew. */
export interface CurvesElement extends HTMLDivElement {
  curves: Curve[];
}

interface GapCanvas {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  gap: Gap;
  paths: { curve: Curve; path: Path2D }[];
}

export class CurveCanvas {
  readonly element: CurvesElement;
  private readonly gaps = new Map<string, GapCanvas>();

  constructor(private readonly select: (linkId: string, near: DOMRect) => void) {
    this.element = Object.assign(document.createElement('div'), { curves: [] as Curve[] });
    this.element.className = 'connectors';
    this.element.setAttribute('aria-hidden', 'true');
  }

  private canvasFor(gap: Gap): GapCanvas {
    let g = this.gaps.get(gap.key);
    if (!g) {
      const canvas = document.createElement('canvas');
      canvas.className = 'connector-gap';
      canvas.dataset.pane = gap.key;
      const ctx = canvas.getContext('2d')!;
      const created: GapCanvas = { canvas, ctx, gap, paths: [] };
      canvas.addEventListener('click', (event) => this.clicked(created, event));
      canvas.addEventListener('mousemove', (event) => {
        const over = this.hit(created, event) !== undefined;
        if (canvas.classList.contains('is-over') !== over) canvas.classList.toggle('is-over', over);
      });
      this.element.append(canvas);
      this.gaps.set(gap.key, (g = created));
    }
    const dpr = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(gap.width * dpr), Math.round(gap.height * dpr)];
    const moved = g.gap.left !== gap.left || g.gap.top !== gap.top || g.gap.width !== gap.width;
    if (moved || g.gap.height !== gap.height || g.canvas.width !== w || g.canvas.height !== h) {
      g.canvas.style.cssText = `left:${gap.left}px;top:${gap.top}px;width:${gap.width}px;height:${gap.height}px`;
      if (g.canvas.width !== w) g.canvas.width = w;
      if (g.canvas.height !== h) g.canvas.height = h;
    }
    g.gap = gap;
    return g;
  }

  /** Paints a frame's curves into their gaps. */
  render({ curves, gaps }: Drawing): void {
    this.element.curves = curves;
    const live = new Set(gaps.map((gap) => gap.key));
    for (const [key, g] of this.gaps) {
      if (!live.has(key)) {
        g.canvas.remove();
        this.gaps.delete(key);
      }
    }
    const byGap = new Map<string, Curve[]>();
    for (const c of curves) {
      const list = byGap.get(c.panes[0]);
      if (list) list.push(c);
      else byGap.set(c.panes[0], [c]);
    }
    const dpr = window.devicePixelRatio || 1;
    for (const gap of gaps) {
      const g = this.canvasFor(gap);
      const { ctx } = g;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, g.canvas.width, g.canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, -gap.left * dpr, -gap.top * dpr);
      g.paths = [];
      for (const c of byGap.get(gap.key) ?? []) {
        const path = new Path2D(c.d);
        g.paths.push({ curve: c, path });
        this.paint(ctx, c, path);
      }
    }
  }

  private paint(ctx: CanvasRenderingContext2D, c: Curve, path: Path2D): void {
    const colour = COLOURS[c.relation];
    ctx.globalAlpha = c.kind === 'suggestion' ? 0.4 : 1;
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(c.toward ? [4, 3] : []);
    ctx.stroke(path);
    ctx.setLineDash([]);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    for (const [x, top, bottom] of c.bars) {
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
    }
    if (c.toward) {
      // The arrow at the half-curve's end, pointing to where the partner lies.
      const end = /(-?[\d.]+),(-?[\d.]+)$/.exec(c.d);
      if (end) {
        const [x, y] = [Number(end[1]), Number(end[2])];
        const dy = c.toward === 'up' ? -1 : 1;
        ctx.beginPath();
        ctx.moveTo(x - 4, y - 3 * dy);
        ctx.lineTo(x + 4, y - 3 * dy);
        ctx.lineTo(x, y + 4 * dy);
        ctx.closePath();
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
  }

  /** The link curve under a pointer event, if any. */
  private hit(g: GapCanvas, event: MouseEvent): Curve | undefined {
    const dpr = window.devicePixelRatio || 1;
    const { ctx } = g;
    ctx.save();
    ctx.setTransform(dpr, 0, 0, dpr, -g.gap.left * dpr, -g.gap.top * dpr);
    ctx.lineWidth = HIT_WIDTH;
    const x = event.offsetX * dpr;
    const y = event.offsetY * dpr;
    const found = g.paths.find(({ curve, path }) => curve.kind === 'link' && ctx.isPointInStroke(path, x, y));
    ctx.restore();
    return found?.curve;
  }

  private clicked(g: GapCanvas, event: MouseEvent): void {
    const curve = this.hit(g, event);
    if (curve) this.select(curve.id, new DOMRect(event.clientX, event.clientY, 1, 1));
  }
}
