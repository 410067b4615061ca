/** Selecting text in a pane as a user's drag would (shared by the end-to-end tests). */
import type { Page } from '@playwright/test';

/** Selects the first occurrence of `phrase` in the pane showing `docId`. */
export async function selectPhrase(page: Page, docId: string, phrase: string): Promise<void> {
  await page.evaluate(
    ({ docId, phrase }) => {
      // Runs in the page; this file is type-checked without the DOM library.
      const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const root = g.document.querySelector(`.pane[data-doc-id="${docId}"] .pm-doc`);
      const walker = g.document.createTreeWalker(root, g.NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(phrase);
        if (at < 0) continue;
        const range = g.document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        node.parentElement.scrollIntoView({ block: 'center' });
        const sel = g.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      throw new Error(`"${phrase}" not found in ${docId}`);
    },
    { docId, phrase },
  );
}
