/**
 * From a passage's plain-text offsets to where it is on screen in a pane, without
 * forcing the browser to lay out text it skips: blocks far out of view are not laid out
 * (content-visibility), so a passage is first placed by its top-level block's box and
 * only measured character by character when that block is in view.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf, posToOffset, type PlainText } from '../../../common/plaintext';

const plainTexts = new WeakMap<Node, PlainText>();

/** A document's plain text and position map, computed once per document state. */
export function plainText(doc: Node): PlainText {
  let pt = plainTexts.get(doc);
  if (!pt) {
    pt = plainTextOf(doc);
    plainTexts.set(doc, pt);
  }
  return pt;
}

/** Where a passage is relative to its pane's visible text. */
export type Place =
  | { at: 'visible'; top: number; bottom: number; left: number; right: number }
  | { at: 'above' }
  | { at: 'below' }
  | { at: 'none' };

/** The passage's ProseMirror range, or undefined when it is empty or beyond the text. */
export function passageRange(view: EditorView, start: number, end: number): { from: number; to: number } | undefined {
  const pt = plainText(view.state.doc);
  if (start >= pt.text.length || end <= start) return undefined;
  const from = offsetToPos(pt, start, 'after');
  const to = offsetToPos(pt, Math.min(end, pt.text.length), 'before');
  return to > from ? { from, to } : undefined;
}

/** The top-level block element holding a position. */
function blockElement(view: EditorView, pos: number): HTMLElement | undefined {
  const $pos = view.state.doc.resolve(pos);
  if ($pos.depth < 1) return undefined;
  const dom = view.nodeDOM($pos.before(1));
  return dom instanceof HTMLElement ? dom : undefined;
}

/**
 * Where the passage [start, end) is on screen, given the visible box of the pane's text
 * (`box`, client coordinates). Visible passages report their extent clipped to the box.
 */
export function placePassage(view: EditorView, box: DOMRect, start: number, end: number): Place {
  const range = passageRange(view, start, end);
  if (!range) return { at: 'none' };
  const first = blockElement(view, range.from);
  const last = blockElement(view, range.to) ?? first;
  if (!first || !last) return { at: 'none' };
  const firstBox = first.getBoundingClientRect();
  const lastBox = last === first ? firstBox : last.getBoundingClientRect();
  if (lastBox.bottom <= box.top) return { at: 'above' };
  if (firstBox.top >= box.bottom) return { at: 'below' };
  let top: number;
  let bottom: number;
  try {
    top = view.coordsAtPos(range.from, 1).top;
    bottom = view.coordsAtPos(range.to, -1).bottom;
  } catch {
    return { at: 'none' };
  }
  if (bottom <= box.top) return { at: 'above' };
  if (top >= box.bottom) return { at: 'below' };
  return {
    at: 'visible',
    top: Math.max(top, box.top),
    bottom: Math.min(bottom, box.bottom),
    left: firstBox.left,
    right: firstBox.right,
  };
}

const ABOVE: Place = Object.freeze({ at: 'above' });
const BELOW: Place = Object.freeze({ at: 'below' });
const NONE: Place = Object.freeze({ at: 'none' });

/** Where a passage lies relative to its blocks: measured once, then placed by its blocks' boxes. */
interface Shape {
  /** Indices of the top-level blocks holding its first and last character. */
  first: number;
  last: number;
  from: number;
  to: number;
  /** Its top below the first block's top and its bottom below the last block's top, once measured. */
  dyTop?: number;
  dyBottom?: number;
}

/**
 * The first index in [0, n) for which `after(i)` holds, or n; `after` must be false up to
 * some index and true from there on (blocks down a text, tested against a line on screen).
 */
export function firstIndexWhere(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Like firstIndexWhere, starting from a guess (last frame's answer): a pane scrolled by
 * a few lines moves its first block on screen by a few at most, so a short gallop from
 * the guess reads two or three boxes where a search from scratch reads a dozen.
 */
export function firstIndexWhereNear(n: number, after: (i: number) => boolean, guess: number): number {
  const g = Math.max(0, Math.min(n, guess));
  const at = (i: number) => i >= n || after(i);
  let lo: number;
  let hi: number;
  if (at(g)) {
    // The answer is g or before it.
    let step = 1;
    hi = g;
    lo = g - 1;
    while (lo >= 0 && at(lo)) {
      hi = lo;
      lo = g - (step *= 2);
    }
    lo = Math.max(0, lo + 1);
  } else {
    let step = 1;
    lo = g + 1;
    hi = g + 1;
    while (hi < n && !at(hi)) {
      lo = hi + 1;
      hi = g + (step *= 2);
    }
    hi = Math.min(n, hi);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Places passages of one pane frame after frame without measuring text again: each
 * passage's offsets within its blocks are measured once (when its blocks are on screen,
 * so laid out), and the shapes are measured again when the document or the pane's width
 * changes. Each frame finds the blocks on screen by a search over the text's top-level
 * blocks (they lie down the text in order) starting from last frame's, so a passage
 * above or below the view is placed by its offsets without reading any box, and a box
 * is read at most once per frame.
 */
export class PassagePlacer {
  private doc?: Node;
  private width = -1;
  private readonly shapes = new Map<number, Shape | null>();
  /** Positions of the document's top-level blocks, in order. */
  private starts: number[] = [];
  private readonly rects = new Map<number, DOMRect | null>();
  /** The blocks overlapping the visible box this frame: [first, last], found when first needed. */
  private onScreen?: [number, number];
  /** The plain-text offsets where the text on screen begins and ends this frame, found with onScreen. */
  private shownText: [number, number] = [0, 0];
  /** Last frame's blocks on screen: where this frame's search starts. */
  private lastOnScreen: [number, number] = [0, -1];
  private textLength = 0;
  private view?: EditorView;
  private box = new DOMRect();

  /** Starts a frame: where the pane's visible text is (client coordinates). */
  begin(view: EditorView, box: DOMRect): void {
    const width = view.dom.clientWidth;
    if (view.state.doc !== this.doc || width !== this.width) {
      this.shapes.clear();
      if (view.state.doc !== this.doc) {
        const starts: number[] = [];
        view.state.doc.forEach((_node, offset) => starts.push(offset));
        this.starts = starts;
      }
      this.doc = view.state.doc;
      this.width = width;
      this.textLength = plainText(view.state.doc).text.length;
    }
    this.rects.clear();
    this.onScreen = undefined;
    this.view = view;
    this.box = box;
  }

  private rectOf(index: number): DOMRect | null {
    let rect = this.rects.get(index);
    if (rect === undefined) {
      const dom = index < this.starts.length ? this.view!.nodeDOM(this.starts[index]) : null;
      rect = dom instanceof HTMLElement ? dom.getBoundingClientRect() : null;
      this.rects.set(index, rect);
    }
    return rect;
  }

  /** The range of blocks on screen (first > last when none is). */
  private visibleBlocks(): [number, number] {
    if (!this.onScreen) {
      const n = this.starts.length;
      const { top, bottom } = this.box;
      // A block without an element (never expected) counts as lying where its neighbours do.
      const [guessFirst, guessLast] = this.lastOnScreen;
      const first = firstIndexWhereNear(n, (i) => (this.rectOf(i)?.bottom ?? top + 1) > top, guessFirst);
      const last = firstIndexWhereNear(n, (i) => (this.rectOf(i)?.top ?? bottom) >= bottom, guessLast + 1) - 1;
      this.lastOnScreen = [first, last];
      this.onScreen = [first, last];
      const doc = this.view!.state.doc;
      const pt = plainText(doc);
      const from = first < n ? posToOffset(pt, this.starts[first]) : pt.text.length;
      const to = last + 1 < n ? posToOffset(pt, this.starts[last + 1]) : pt.text.length;
      this.shownText = [from, Math.max(from, to)];
    }
    return this.onScreen;
  }

  private shapeOf(start: number, end: number): Shape | null {
    // Offsets are below 2^26 (64 MiB of text), so one number keys both.
    const key = start * 67_108_864 + end;
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const view = this.view!;
      const range = passageRange(view, start, end);
      const $from = range && view.state.doc.resolve(range.from);
      const $to = range && view.state.doc.resolve(range.to);
      shape =
        range && $from && $to && $from.depth >= 1 && $to.depth >= 1
          ? { first: $from.index(0), last: $to.index(0), from: range.from, to: range.to }
          : null;
      this.shapes.set(key, shape);
    }
    return shape;
  }

  /** Where the passage [start, end) is in this frame. */
  place(start: number, end: number): Place {
    const onScreen = this.visibleBlocks();
    // Most passages lie wholly before or after the text on screen: placed by their offsets alone.
    if (end > start && start < this.textLength) {
      if (end <= this.shownText[0]) return ABOVE;
      if (start >= this.shownText[1]) return BELOW;
    }
    const shape = this.shapeOf(start, end);
    if (!shape) return NONE;
    if (shape.last < onScreen[0]) return ABOVE;
    if (shape.first > onScreen[1]) return BELOW;
    const first = this.rectOf(shape.first);
    const last = this.rectOf(shape.last);
    if (!first || !last) return NONE;
    const box = this.box;
    if (last.bottom <= box.top) return ABOVE;
    if (first.top >= box.bottom) return BELOW;
    if (shape.dyTop === undefined || shape.dyBottom === undefined) {
      try {
        shape.dyTop = this.view!.coordsAtPos(shape.from, 1).top - first.top;
        shape.dyBottom = this.view!.coordsAtPos(shape.to, -1).bottom - last.top;
      } catch {
        return NONE;
      }
    }
    const top = first.top + shape.dyTop;
    const bottom = last.top + shape.dyBottom;
    if (bottom <= box.top) return ABOVE;
    if (top >= box.bottom) return BELOW;
    return {
      at: 'visible',
      top: Math.max(top, box.top),
      bottom: Math.min(bottom, box.bottom),
      left: first.left,
      right: first.right,
    };
  }
}

/**
 * Where a plain-text offset lies down the pane's scrolled content, in pixels from its top:
 * its block's place plus its share of the block's height (exact enough to scroll by,
 * and it never lays out skipped text).
 */
export function contentY(view: EditorView, scroller: HTMLElement, scrollerTop: number, offset: number): number {
  const pt = plainText(view.state.doc);
  const pos = offsetToPos(pt, Math.min(offset, pt.text.length), 'after');
  const block = blockElement(view, pos);
  if (!block) return 0;
  const box = block.getBoundingClientRect();
  const $pos = view.state.doc.resolve(pos);
  const size = $pos.depth >= 1 ? $pos.node(1).content.size : 0;
  const share = size > 0 ? (pos - $pos.start(1)) / size : 0;
  return box.top - scrollerTop + scroller.scrollTop + Math.max(0, Math.min(1, share)) * box.height;
}
