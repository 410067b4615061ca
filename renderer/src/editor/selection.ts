/**
 * What the user selected in a pane, as plain-text offsets (the store's coordinates),
 * and bringing an annotation or a suggested passage into view. A read-only pane has no editable selection of
 * its own, so the browser's selection is read and mapped into the document.
 */
import type { EditorView } from 'prosemirror-view';
import { offsetToPos, plainTextOf, posToOffset } from '../../../common/plaintext';
import { annotationPosition, changeAnnotations } from './annotations';
import { suggestionPosition } from './suggestions';

/** A selected range of a pane's text. */
export interface SelectedText {
  start: number;
  end: number;
  text: string;
  /** Where it is on screen. */
  rect: DOMRect;
}

/** The text selected in `view`, if any. */
export function selectedText(view: EditorView): SelectedText | undefined {
  const sel = window.getSelection();
  let from: number;
  let to: number;
  let rect: DOMRect;
  if (sel && sel.rangeCount && !sel.isCollapsed && view.dom.contains(sel.anchorNode)) {
    const range = sel.getRangeAt(0);
    try {
      from = view.posAtDOM(range.startContainer, range.startOffset);
      to = view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return undefined;
    }
    rect = range.getBoundingClientRect();
  } else {
    const { from: f, to: t, empty } = view.state.selection;
    if (empty || !view.hasFocus()) return undefined;
    from = f;
    to = t;
    const a = view.coordsAtPos(f);
    const b = view.coordsAtPos(t);
    rect = new DOMRect(a.left, a.top, Math.max(1, b.right - a.left), b.bottom - a.top);
  }
  const pt = plainTextOf(view.state.doc);
  const start = posToOffset(pt, Math.min(from, to));
  const end = posToOffset(pt, Math.max(from, to));
  if (end <= start) return undefined;
  return { start, end, text: pt.text.slice(start, end), rect };
}

/** The element that scrolls the editor's text (its pane's body), if any. */
function scrollerOf(view: EditorView): HTMLElement | undefined {
  for (let el = view.dom.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return el;
  }
  return undefined;
}

/** Scrolls a document position, or the passage [pos, to], to the middle of its pane. */
export function scrollPosIntoView(view: EditorView, pos: number, to = pos): void {
  const { node } = view.domAtPos(pos);
  const target = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
  target?.scrollIntoView({ block: 'center' });
  // A block taller than the pane is centred on its middle, which can leave the passage
  // [pos, to] out of view or cut by the pane's edge: then the passage is centred if it fits,
  // else its start is brought to the upper third of the pane.
  const scroller = scrollerOf(view);
  if (!scroller) return;
  const at = view.coordsAtPos(pos);
  const end = to > pos ? view.coordsAtPos(to, -1) : at;
  const box = scroller.getBoundingClientRect();
  if (at.top >= box.top && end.bottom <= box.bottom) return;
  const height = end.bottom - at.top;
  scroller.scrollTop +=
    height <= box.height * 0.8 ? at.top + height / 2 - (box.top + box.height / 2) : at.top - (box.top + box.height / 3);
}

/** Scrolls an annotation to the middle of its pane and marks it as the one in focus. */
export function scrollToAnnotation(view: EditorView, id: string): boolean {
  const at = annotationPosition(view.state, id);
  if (!at) return false;
  view.dispatch(changeAnnotations(view.state, { focus: id }));
  scrollPosIntoView(view, at.from, at.to);
  return true;
}

/** Scrolls a suggested passage to the middle of its pane and (unless told not to) briefly flashes it. */
export function scrollToSuggestion(view: EditorView, id: string, flash = true): boolean {
  const at = suggestionPosition(view.state, id);
  if (!at) return false;
  scrollPosIntoView(view, at.from, at.to);
  if (!flash) return true;
  for (const el of view.dom.querySelectorAll<HTMLElement>(`.sg-id-${CSS.escape(id)}`)) {
    el.classList.remove('sg-flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('sg-flash');
  }
  return true;
}

/** Scrolls a range of the text (plain-text offsets) into view and selects it, as a drag would. */
export function selectOffsets(view: EditorView, start: number, end: number): void {
  const pt = plainTextOf(view.state.doc);
  const from = offsetToPos(pt, start, 'after');
  const to = offsetToPos(pt, end, 'before');
  scrollPosIntoView(view, from, to);
  const a = view.domAtPos(from);
  const b = view.domAtPos(to);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}
