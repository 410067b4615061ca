/** Finding a passage on screen in a pane by its text (across the spans highlights split it into). */
import type { Page } from '@playwright/test';

// Browser globals, used only inside functions that run in the page.
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;
declare const NodeFilter: any;
type Text = any;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The box of `quote` in the pane at `pane` (0-based), after scrolling it to the middle of the pane if `reveal`. */
export function quoteBox(page: Page, pane: number, quote: string, reveal = false): Promise<Box> {
  return page.evaluate(
    ([pane, quote, reveal]) => {
      const doc = document.querySelectorAll('.pane')[pane as number].querySelector('.pm-doc')!;
      const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        text += (n as Text).data;
      }
      const at = text.indexOf(quote as string);
      if (at < 0) throw new Error(`not in pane ${pane}: ${quote}`);
      const range = document.createRange();
      let seen = 0;
      for (const n of nodes) {
        const next = seen + n.data.length;
        if (at >= seen && at < next) range.setStart(n, at - seen);
        const end = at + (quote as string).length;
        if (end > seen && end <= next) {
          range.setEnd(n, end - seen);
          break;
        }
        seen = next;
      }
      if (reveal) {
        const scroller = doc.closest('.pane-body')!;
        const r = range.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        scroller.scrollTop += (r.top + r.bottom) / 2 - s.top - s.height / 2;
      }
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    },
    [pane, quote, reveal] as const,
  );
}
