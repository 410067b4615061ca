/**
 * Caret browsing in a read-only pane: the arrow keys move a caret through the text and
 * Shift extends a selection from it (Ctrl/Alt+arrows by word, Home/End to the line's
 * ends, Ctrl+Home/End to the text's), so a passage can be selected, tagged (T) or linked (L) without a mouse. Enter
 * opens what is at the caret. Editing panes keep the editor's own keys. The browser
 * draws no caret in text that is not editable, so a thin bar stands in for it.
 */
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

type Move = [
  direction: 'forward' | 'backward',
  granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary',
];

function moveFor(event: KeyboardEvent): Move | undefined {
  const byWord = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowRight':
      return ['forward', byWord ? 'word' : 'character'];
    case 'ArrowLeft':
      return ['backward', byWord ? 'word' : 'character'];
    case 'ArrowDown':
      return ['forward', 'line'];
    case 'ArrowUp':
      return ['backward', 'line'];
    case 'End':
      return ['forward', event.ctrlKey ? 'documentboundary' : 'lineboundary'];
    case 'Home':
      return ['backward', event.ctrlKey ? 'documentboundary' : 'lineboundary'];
    default:
      return undefined;
  }
}

/** Puts a collapsed selection at the first text in view, when the pane has none yet. */
function ensureCaret(view: EditorView, sel: Selection): void {
  if (sel.rangeCount && view.dom.contains(sel.focusNode)) return;
  const box = (view.dom.closest('.pane-body') ?? view.dom).getBoundingClientRect();
  const top = Math.max(box.top, 0) + 24;
  const found = view.posAtCoords({ left: box.left + 40, top }) ?? { pos: 1 };
  const { node, offset } = view.domAtPos(found.pos);
  sel.collapse(node, offset);
}

/**
 * Tells the editor where the browser's selection now is. ProseMirror owns the selection of a
 * read-only text that has the focus and writes its own back on every update, so a selection it
 * has not yet read (it reads on the browser's next selectionchange) would be undone by any
 * update in between, such as a highlight redrawn.
 */
function syncSelection(view: EditorView, sel: Selection): void {
  if (!sel.anchorNode || !sel.focusNode) return;
  try {
    const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
    const tr = view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head));
    view.dispatch(tr.setMeta('addToHistory', false));
  } catch {
    /* a place ProseMirror cannot name; it reads the selection itself on the next change */
  }
}

/** The first (or last) place in a text's own characters, where Ctrl+Home (Ctrl+End) goes. */
function textBoundary(root: HTMLElement, direction: 'forward' | 'backward'): [Node | null, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let first: Node | null = null;
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    first ??= n;
    last = n;
    if (direction === 'backward') break;
  }
  return direction === 'backward' ? [first, 0] : [last, last?.textContent?.length ?? 0];
}

/** The stand-in caret, one for the window. */
let caretBar: HTMLElement | undefined;

function drawCaret(view: EditorView): void {
  const sel = window.getSelection();
  caretBar ??= document.body.appendChild(Object.assign(document.createElement('div'), { className: 'reading-caret' }));
  const show =
    !view.editable &&
    view.hasFocus() &&
    !!sel &&
    sel.rangeCount > 0 &&
    sel.isCollapsed &&
    view.dom.contains(sel.focusNode);
  if (!show) {
    caretBar.hidden = true;
    return;
  }
  const rect = sel.getRangeAt(0).getClientRects()[0] ?? sel.getRangeAt(0).getBoundingClientRect();
  caretBar.hidden = !rect || rect.height === 0;
  caretBar.style.left = `${rect.left}px`;
  caretBar.style.top = `${rect.top}px`;
  caretBar.style.height = `${rect.height}px`;
}

/** The plugin; `onEnter` opens what is at the caret. */
export function caretBrowsing(onEnter?: (view: EditorView) => boolean): Plugin {
  return new Plugin({
    view(view) {
      const redraw = () => drawCaret(view);
      document.addEventListener('selectionchange', redraw);
      view.dom.addEventListener('blur', redraw);
      return {
        destroy() {
          document.removeEventListener('selectionchange', redraw);
          view.dom.removeEventListener('blur', redraw);
        },
      };
    },
    props: {
      // A DOM handler: ProseMirror passes no key events to handleKeyDown while read-only.
      handleDOMEvents: {
        keydown(view, event) {
          if (view.editable || event.metaKey || event.defaultPrevented) return false;
          if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.shiftKey) {
            if (!onEnter?.(view)) return false;
            event.preventDefault();
            return true;
          }
          const move = moveFor(event);
          const sel = window.getSelection();
          if (!move || !sel) return false;
          ensureCaret(view, sel);
          const before = {
            anchor: sel.anchorNode,
            anchorOffset: sel.anchorOffset,
            focus: sel.focusNode,
            focusOffset: sel.focusOffset,
          };
          if (move[1] === 'documentboundary') {
            // The page's own boundary lies outside the pane: go to the start or end of this text.
            const [node, offset] = textBoundary(view.dom, move[0]);
            if (!node) return false;
            if (event.shiftKey) sel.extend(node, offset);
            else sel.collapse(node, offset);
          } else {
            sel.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
          }
          // The cursor stays in this pane's text.
          if (!view.dom.contains(sel.focusNode) && before.anchor && before.focus) {
            sel.setBaseAndExtent(before.anchor, before.anchorOffset, before.focus, before.focusOffset);
          }
          const focus = sel.focusNode?.nodeType === Node.TEXT_NODE ? sel.focusNode.parentElement : sel.focusNode;
          (focus as Element | null)?.scrollIntoView?.({ block: 'nearest' });
          syncSelection(view, sel);
          drawCaret(view);
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
