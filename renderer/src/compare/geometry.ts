/**
 * From a passage's plain-text offsets to where it is on screen in a pane, without
 * forcing the browser to lay out text it skips: blocks far out of view are not laid out
 * (content-visibility), so a passage is first placed by its top-level block's box and
 * only measured character by character when that block is in view.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf, type PlainText } from '../../../common/plaintext';

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
 * Places passages of one pane frame after frame without measuring text again: each
 * passage's offsets within its blocks are measured once (when its blocks are on screen,
 * so laid out), and the shapes are measured again when the document or the pane's width
 * changes. Each frame finds the blocks on screen by a binary search over the text's
 * top-level blocks (blocks lie down the text in order), so a passage above or below the
 * view is placed without reading any box, and a box is read at most once per frame.
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
      const first = firstIndexWhere(n, (i) => (this.rectOf(i)?.bottom ?? top + 1) > top);
      const last = firstIndexWhere(n, (i) => (this.rectOf(i)?.top ?? bottom) >= bottom) - 1;
      this.onScreen = [first, last];
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
    const shape = this.shapeOf(start, end);
    if (!shape) return { at: 'none' };
    const [firstOnScreen, lastOnScreen] = this.visibleBlocks();
    if (shape.last < firstOnScreen) return { at: 'above' };
    if (shape.first > lastOnScreen) return { at: 'below' };
    const first = this.rectOf(shape.first);
    const last = this.rectOf(shape.last);
    if (!first || !last) return { at: 'none' };
    const box = this.box;
    if (last.bottom <= box.top) return { at: 'above' };
    if (first.top >= box.bottom) return { at: 'below' };
    if (shape.dyTop === undefined || shape.dyBottom === undefined) {
      try {
        shape.dyTop = this.view!.coordsAtPos(shape.from, 1).top - first.top;
        shape.dyBottom = this.view!.coordsAtPos(shape.to, -1).bottom - last.top;
      } catch {
        return { at: 'none' };
      }
    }
    const top = first.top + shape.dyTop;
    const bottom = last.top + shape.dyBottom;
    if (bottom <= box.top) return { at: 'above' };
    if (top >= box.bottom) return { at: 'below' };
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
