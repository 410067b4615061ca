/**
 * Connector curves on screen: one canvas per gap between panes, exactly as large as the
 * gap, redrawn each frame without touching any element's style or layout (a changed SVG
 * path would restyle and re-lay out its element every frame). A gap whose curves did not
 * move is not repainted (scrolling one pane leaves the gaps away from it as they were);
 * how a gap is painted is CurvePainter's. Clicks are matched against the curves last
 * drawn; what was drawn stays readable as `curves` on the container, for tests and tools.
 */
import type { Curve, Drawing, Gap } from './curves';
import { CurvePainter, trace } from './curve-paint';

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
  curves: Curve[];
  /** What was painted last: the gap and every curve's numbers, to skip repainting the same. */
  painted: number[];
  /** Each link curve as a path, made when the pointer first needs them. */
  paths?: { curve: Curve; path: Path2D }[];
}

/** The numbers that decide what a gap looks like. */
function signature(gap: Gap, curves: Curve[], dpr: number): number[] {
  const out = [gap.left, gap.top, gap.width, gap.height, dpr, curves.length];
  for (const c of curves) {
    out.push(c.kind === 'link' ? 1 : 2, c.relation === 'agree' ? 1 : c.relation === 'conflict' ? 2 : 3);
    out.push(c.toward === 'up' ? 1 : c.toward === 'down' ? 2 : 0, ...c.path);
    for (const bar of c.bars) out.push(...bar);
  }
  return out;
}

function same(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class CurveCanvas {
  readonly element: CurvesElement;
  private readonly gaps = new Map<string, GapCanvas>();
  private readonly painter = new CurvePainter();

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
      const created: GapCanvas = { canvas, ctx, gap, curves: [], painted: [] };
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

  /** Paints a frame's curves into their gaps (a gap whose curves did not move is left as it is). */
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
      const drawn = byGap.get(gap.key) ?? [];
      g.curves = drawn;
      g.paths = undefined;
      const painted = signature(gap, drawn, dpr);
      // Resizing a canvas clears it; otherwise the same numbers mean the same pixels.
      if (same(painted, g.painted) && g.canvas.width > 0) continue;
      g.painted = painted;
      const { ctx } = g;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, g.canvas.width, g.canvas.height);
      this.painter.paint(ctx, drawn, gap, dpr);
    }
  }

  /** The link curve under a pointer event, if any. */
  private hit(g: GapCanvas, event: MouseEvent): Curve | undefined {
    const dpr = window.devicePixelRatio || 1;
    const { ctx } = g;
    g.paths ??= g.curves
      .filter((curve) => curve.kind === 'link')
      .map((curve) => {
        const path = new Path2D();
        trace(path, curve);
        return { curve, path };
      });
    ctx.save();
    ctx.setTransform(dpr, 0, 0, dpr, -g.gap.left * dpr, -g.gap.top * dpr);
    ctx.lineWidth = HIT_WIDTH;
    const x = event.offsetX * dpr;
    const y = event.offsetY * dpr;
    const found = g.paths.find(({ path }) => ctx.isPointInStroke(path, x, y));
    ctx.restore();
    return found?.curve;
  }

  private clicked(g: GapCanvas, event: MouseEvent): void {
    const curve = this.hit(g, event);
    if (curve) this.select(curve.id, new DOMRect(event.clientX, event.clientY, 1, 1));
  }
}
