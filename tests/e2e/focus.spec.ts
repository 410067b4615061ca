import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectPhrase } from './selection';

const HORNUNG = 'economic relations have largely collapsed';
const NAGY = 'Tokyo continues to buy Russian oil, coal, and LNG';

/** Where the keyboard is: the pane holding the focus and the text selected there. */
function keyboardAt(page: Page): Promise<{ pane: string | undefined; selected: string }> {
  return page.evaluate(() => {
    // Runs in the page; this file is type-checked without the DOM library.
    const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    return {
      pane: g.document.activeElement?.closest('.pane')?.dataset.docId,
      selected: String(g.getSelection()),
    };
  });
}

async function selectInPane(page: Page, docId: string, phrase: string): Promise<void> {
  await page.locator(`.pane[data-doc-id="${docId}"] .pm-doc`).focus();
  await selectPhrase(page, docId, phrase);
}

test('after Ctrl+Enter in the link dialog the keyboard is back on the linked passage, and Enter opens the new link', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectInPane(page, 'hornung-2022', HORNUNG);
  await page.keyboard.press('l');
  await selectInPane(page, 'nagy-nguyen-2023', NAGY);
  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Link note').fill('Energy trade goes on.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .lk')).toContainText('Russian oil');

  expect(await keyboardAt(page)).toEqual({ pane: 'nagy-nguyen-2023', selected: NAGY });
  await page.screenshot({ path: 'test-results/link-focus-back.png' });
  await page.keyboard.press('Enter');
  const opened = page.getByRole('dialog', { name: 'Link' });
  await expect(opened).toBeVisible();
  await expect(opened.getByLabel('Link note')).toHaveValue('Energy trade goes on.');
  await page.keyboard.press('Escape');
  await expect(opened).toBeHidden();
  expect((await keyboardAt(page)).pane).toBe('nagy-nguyen-2023');
});

test('closing the counterparts panel with the third Ctrl+Alt+C gives the keyboard back to the passage it came from', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectInPane(page, 'hornung-2022', HORNUNG);
  await page.keyboard.press('Control+Alt+C');
  const panel = page.locator('aside.counterparts');
  await expect(page.locator('.cp-match').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Control+Alt+C');
  await expect(page.locator('.cp-match').first()).toBeFocused();
  await page.keyboard.press('Control+Alt+C');
  await expect(panel).toBeHidden();
  expect(await keyboardAt(page)).toEqual({ pane: 'hornung-2022', selected: HORNUNG });
});
