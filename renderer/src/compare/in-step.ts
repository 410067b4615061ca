/**
 * Panes in step: while the analyst scrolls one pane, the others follow so that what
 * corresponds stays level, like a diff tool's synchronised scrolling but by meaning. The
 * alignment is the workspace's links and Align's counterparts between the two documents:
 * anchor pairs (a place in each text), kept in order, with piecewise-linear interpolation
 * between them and the texts' ends.
 */
import type { Pane } from '../panes/pane';
import { contentY } from './geometry';

/** Corresponding plain-text offsets of two documents: [offset in the first, offset in the second]. */
export type AnchorPairs = [number, number][];

export interface InStepHost {
  panes(): Pane[];
  /** What corresponds between two documents. */
  anchors(fromDoc: string, toDoc: string): AnchorPairs;
}

/** The longest run of pairs increasing in both coordinates (pairs sorted by the first). */
export function monotonePairs(pairs: [number, number][]): [number, number][] {
  // Ties in the first coordinate sort by the second descending, so at most one of them is kept.
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const tails: number[] = [];
  const previous: number[] = new Array(sorted.length).fill(-1);
  for (let i = 0; i < sorted.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sorted[tails[m]][1] < sorted[i][1]) lo = m + 1;
      else hi = m;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) out.push(sorted[i]);
  return out.reverse();
}

/** Maps `x` through piecewise-linear interpolation between monotone pairs. */
export function interpolate(pairs: [number, number][], x: number): number {
  if (pairs.length === 0) return x;
  if (x <= pairs[0][0]) return pairs[0][1];
  for (let i = 1; i < pairs.length; i++) {
    const [x0, y0] = pairs[i - 1];
    const [x1, y1] = pairs[i];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return pairs[pairs.length - 1][1];
}

/** How many frames panes in step keep correcting after a scroll. */
const SETTLE_FRAMES = 4;

export class PanesInStep {
  private on = false;
  private driver?: Pane;
  private moved = false;
  /** Frames left to re-check after the user stopped scrolling. */
  private settling = 0;
  /** Scroll positions this module set, so the scroll events they cause are not taken as the user's. */
  private readonly expected = new Map<Pane, number>();
  private readonly listeners = new Set<(on: boolean) => void>();

  constructor(private readonly host: InStepHost) {}

  get enabled(): boolean {
    return this.on;
  }

  set enabled(on: boolean) {
    if (on === this.on) return;
    this.on = on;
    for (const listener of this.listeners) listener(on);
  }

  onToggle(listener: (on: boolean) => void): void {
    this.listeners.add(listener);
  }

  /** The pane was just scrolled by Parallax itself: its next scroll event is not the user's. */
  expect(pane: Pane): void {
    this.expected.set(pane, pane.scroller.scrollTop);
  }

  /** A pane scrolled; true when it was the user (and the others should follow). */
  scrolled(pane: Pane): boolean {
    const expected = this.expected.get(pane);
    if (expected !== undefined && Math.abs(pane.scroller.scrollTop - expected) <= 2) {
      this.expected.delete(pane);
      return false;
    }
    this.expected.delete(pane);
    this.driver = pane;
    this.moved = true;
    return this.on;
  }

  /**
   * In a frame: brings the other panes level with the one the user scrolled. True when
   * another frame should check again: text the browser had skipped gets its real height
   * once scrolled into view, which moves the anchors.
   */
  follow(): boolean {
    if (!this.on || !this.driver || (!this.moved && this.settling <= 0)) return false;
    if (this.moved) this.settling = SETTLE_FRAMES;
    this.moved = false;
    this.settling--;
    const source = this.driver;
    const sv = source.editorView();
    if (!sv) return false;
    const ss = source.scroller;
    const sTop = ss.getBoundingClientRect().top;
    const targets: [Pane, number][] = [];
    for (const pane of this.host.panes()) {
      const tv = pane.editorView();
      if (pane === source || !tv || pane.docId === source.docId) continue;
      const ts = pane.scroller;
      const tTop = ts.getBoundingClientRect().top;
      const pairs: [number, number][] = this.host
        .anchors(source.docId, pane.docId)
        .map(([a, b]) => [contentY(sv, ss, sTop, a), contentY(tv, ts, tTop, b)]);
      pairs.push([0, 0], [ss.scrollHeight, ts.scrollHeight]);
      const line = interpolate(monotonePairs(pairs), ss.scrollTop + ss.clientHeight / 2);
      targets.push([pane, Math.max(0, Math.min(ts.scrollHeight - ts.clientHeight, line - ts.clientHeight / 2))]);
    }
    // Writes after all reads.
    let changed = false;
    for (const [pane, top] of targets) {
      if (Math.abs(pane.scroller.scrollTop - top) < 1) continue;
      pane.scroller.scrollTop = top;
      this.expect(pane);
      changed = true;
    }
    if (!changed) this.settling = 0;
    return this.settling > 0;
  }
}
