/**
 * How connector curves are painted on a gap's canvas, cheaply: rasterising is the
 * costly part of a scroll frame on the main thread, so each gap strokes one path per
 * colour for its full curves, stamps its half-curves from small pictures painted once
 * (every half-curve on one side of a gap has the same shape; only where it starts
 * differs), and fills its bars as pixel-aligned rectangles.
 */
import type { Relation } from '../../../common/model';
import type { Curve, Gap } from './curves';

/** Each relation's colour, shared by the curves and the overview ruler. */
export const RELATION_COLOURS: Record<Relation, string> = { agree: '#2d6a3e', conflict: '#a33a2a', related: '#2f5d8a' };
/** How far a half-curve runs towards its partner after its turn, in pixels (less near the pane's edge). */
export const HOOK = 28;
const RELATIONS: Relation[] = ['agree', 'conflict', 'related'];
/** The radius of a half-curve's turn towards its partner, in pixels. */
const HOOK_RADIUS = 6;
/** Room around a half-curve's picture for its line width and arrow, in pixels. */
const PAD = 6;
/** The most half-curve pictures kept (one per gap side, colour, kind and direction is used). */
const MAX_SPRITES = 64;

/**
 * Adds a curve to a path. A half-curve turns a corner: a line, a small arc and a line
 * rasterise (dashed) at under half the cost of the same turn as a cubic Bézier, and look
 * the same.
 */
export function trace(path: CanvasPath, c: Curve): void {
  const [x1, y1, ax, ay, bx, by, x2, y2] = c.path;
  path.moveTo(x1, y1);
  if (c.toward) {
    path.arcTo(ax, ay, x2, y2, HOOK_RADIUS);
    path.lineTo(x2, y2);
  } else path.bezierCurveTo(ax, ay, bx, by, x2, y2);
}

/** A half-curve from (0, 0): `dx` across to its turn, `dy` up or down to its arrow. */
function hook(ctx: CanvasRenderingContext2D, dx: number, dy: number): void {
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.arcTo(dx, 0, dx, dy, HOOK_RADIUS);
  ctx.lineTo(dx, dy);
  ctx.stroke();
  ctx.setLineDash([]);
  const down = Math.sign(dy) || 1;
  ctx.beginPath();
  ctx.moveTo(dx - 4, dy - 3 * down);
  ctx.lineTo(dx + 4, dy - 3 * down);
  ctx.lineTo(dx, dy + 4 * down);
  ctx.closePath();
  ctx.fill();
}

interface Sprite {
  canvas: HTMLCanvasElement;
  /** Where the half-curve starts in the picture, in device pixels. */
  x: number;
  y: number;
}

export class CurvePainter {
  private readonly sprites = new Map<string, Sprite>();

  /**
   * Paints `curves` into a cleared canvas showing `gap` at `dpr` device pixels per CSS
   * pixel. The context's transform is left as the identity.
   */
  paint(ctx: CanvasRenderingContext2D, curves: Curve[], gap: Gap, dpr: number): void {
    // By kind and relation, in a fixed order (suggestions under links).
    const groups: Curve[][] = [];
    for (const c of curves) {
      const at = (c.kind === 'link' ? 3 : 0) + RELATIONS.indexOf(c.relation);
      (groups[at] ??= []).push(c);
    }
    const X = (x: number) => Math.round((x - gap.left) * dpr);
    const Y = (y: number) => Math.round((y - gap.top) * dpr);
    for (const list of groups) {
      if (!list) continue;
      const { kind, relation } = list[0];
      const colour = RELATION_COLOURS[relation];
      const alpha = kind === 'suggestion' ? 0.4 : 1;
      ctx.setTransform(dpr, 0, 0, dpr, -gap.left * dpr, -gap.top * dpr);
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      let full = false;
      for (const c of list) {
        if (c.toward) continue;
        trace(ctx, c);
        full = true;
      }
      if (full) ctx.stroke();
      // Half-curves cut short by the pane's edge are drawn as they are; the rest are stamped.
      for (const c of list) {
        const [x1, y1, ax, , , , , y2] = c.path;
        if (!c.toward || Math.abs(Math.abs(y2 - y1) - HOOK) < 0.01) continue;
        ctx.translate(x1, y1);
        hook(ctx, ax - x1, y2 - y1);
        ctx.translate(-x1, -y1);
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      for (const c of list) {
        const [x1, y1, ax, , , , , y2] = c.path;
        if (!c.toward || Math.abs(Math.abs(y2 - y1) - HOOK) >= 0.01) continue;
        const sprite = this.sprite(colour, alpha, Math.round((ax - x1) * dpr), Math.sign(y2 - y1), dpr);
        ctx.drawImage(sprite.canvas, X(x1) - sprite.x, Y(y1) - sprite.y);
      }
      ctx.globalAlpha = alpha;
      const bars = new Set<number>(); // a passage linked several times has one bar
      const width = Math.max(1, Math.round(3 * dpr));
      for (const c of list)
        for (const [x, top, bottom] of c.bars) {
          const left = X(x) - (width >> 1);
          const t = Y(top);
          const b = Math.max(t + 1, Y(bottom));
          // Device pixels within a canvas stay below 2^16, so one number keys a bar.
          const key = (left * 65_536 + t) * 65_536 + b;
          if (bars.has(key)) continue;
          bars.add(key);
          ctx.fillRect(left, t, width, b - t);
        }
    }
    ctx.globalAlpha = 1;
  }

  /** The picture of a half-curve `dx` device pixels across, then HOOK up (-1) or down (1), painted once. */
  private sprite(colour: string, alpha: number, dx: number, down: number, dpr: number): Sprite {
    const key = `${colour}|${alpha}|${dx}|${down}|${dpr}`;
    let sprite = this.sprites.get(key);
    if (!sprite) {
      if (this.sprites.size >= MAX_SPRITES) this.sprites.clear();
      const pad = Math.ceil(PAD * dpr);
      const dy = Math.round(down * HOOK * dpr);
      const canvas = document.createElement('canvas');
      canvas.width = Math.abs(dx) + 2 * pad;
      canvas.height = Math.abs(dy) + 2 * pad;
      const x = dx >= 0 ? pad : Math.abs(dx) + pad;
      const y = dy >= 0 ? pad : Math.abs(dy) + pad;
      const ctx = canvas.getContext('2d')!;
      ctx.setTransform(dpr, 0, 0, dpr, x, y);
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 2;
      hook(ctx, dx / dpr, dy / dpr);
      sprite = { canvas, x, y };
      this.sprites.set(key, sprite);
    }
    return sprite;
  }
}
