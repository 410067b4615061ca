/**
 * Where the keyboard was before a dialog or panel took it: the focused element and, when the
 * selection lay inside it (a pane's text), that selection as character offsets into its text.
 * Offsets rather than DOM nodes, because highlights and link marks drawn while the dialog was
 * open replace the nodes, not the text. Restoring puts the focus and the selection back, so the
 * next arrow key goes on from the passage the analyst was at, not from the top of the pane.
 */

/** A focus to go back to. */
export interface FocusReturn {
  /** Focuses the element again and puts its selection back; false when it is gone. */
  restore(): boolean;
}

/** Remembers the focused element and its selection. */
export function rememberFocus(): FocusReturn | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return undefined;
  const sel = window.getSelection();
  let offsets: { anchor: number; focus: number } | undefined;
  if (sel?.anchorNode && sel.focusNode && element.contains(sel.anchorNode) && element.contains(sel.focusNode)) {
    offsets = {
      anchor: textOffset(element, sel.anchorNode, sel.anchorOffset),
      focus: textOffset(element, sel.focusNode, sel.focusOffset),
    };
  }
  return {
    restore() {
      if (!element.isConnected || element.closest('[hidden]')) return false;
      element.focus({ preventScroll: true });
      if (!offsets) return true;
      const anchor = nodeAt(element, offsets.anchor);
      const focus = nodeAt(element, offsets.focus);
      if (anchor && focus) window.getSelection()?.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1]);
      return true;
    },
  };
}

/** The number of characters of `root`'s text before (node, offset). */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text node and offset `chars` characters into `root`'s text. */
function nodeAt(root: HTMLElement, chars: number): [Node, number] | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = chars;
  let last: Text | undefined;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.length) return [n, left];
    left -= n.length;
    last = n;
  }
  return last ? [last, last.length] : undefined;
}
