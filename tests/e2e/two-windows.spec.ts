import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { countRequests, listReads } from './requests';
import { selectPhrase } from './selection';

const OSHEA = 'essentially aimed at deterring China';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect(page.locator('.save-indicator')).toHaveText('All changes saved');
}

test('two windows on one workspace: what one tags, undoes, edits or links shows in the other, which reads only what changed', async ({
  page,
  context,
  host,
}) => {
  const other = await context.newPage();
  await open(page, host.url);
  await open(other, host.url);
  const mine = countRequests(page);
  const theirs = countRequests(other);
  const osheaThere = other.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an');

  // Tagging here shows there; there only the annotations (and codebook) are read again, here nothing.
  await selectPhrase(page, 'oshea-2024', OSHEA);
  await page.keyboard.press('t');
  await page.getByRole('dialog', { name: 'Tag passage' }).getByLabel('Deterrence').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an')).toHaveText(OSHEA);
  await expect(osheaThere).toHaveText(OSHEA);
  await expect(other.locator('.side-panel .panel-row')).toHaveCount(1);
  expect(listReads(theirs)).toEqual({ ...listReads(new Map()), listAnnotations: 1, getCodebook: 1 });
  expect(listReads(mine)).toEqual(listReads(new Map()));

  // Undo here takes it away there.
  await page.locator('.toolbar .brand').click();
  await page.keyboard.press('Control+z');
  await expect(osheaThere).toHaveCount(0);

  // A link made here is drawn there.
  await selectPhrase(page, 'hornung-2022', 'economic relations have largely collapsed');
  await page.keyboard.press('l');
  await selectPhrase(page, 'nagy-nguyen-2023', 'Tokyo continues to buy Russian oil, coal, and LNG');
  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(other.locator('.pm-doc .lk.lk-conflict')).toHaveCount(2);

  // An edit of a text here: the other window shows the new text, the link still drawn on it,
  // and its reader keeps their place.
  const scrollerThere = other.locator('.pane[data-doc-id="hornung-2022"] .pane-body');
  await scrollerThere.evaluate((el) => (el.scrollTop = 400));
  const pane = page.locator('.pane[data-doc-id="hornung-2022"]');
  await pane.getByRole('button', { name: 'Edit' }).click();
  await pane.locator('.pm-doc p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('EDITED ELSEWHERE. ');
  await expect(pane.locator('.pane-status')).toHaveText('Saved');
  const paneThere = other.locator('.pane[data-doc-id="hornung-2022"] .pm-doc');
  await expect(paneThere).toContainText('EDITED ELSEWHERE. ');
  await expect(other.locator('.pane[data-doc-id="hornung-2022"] .pm-doc .lk')).toContainText('largely collapsed');
  expect(await scrollerThere.evaluate((el) => el.scrollTop)).toBe(400);
  // The other panes there were not read again.
  expect(theirs.get('/api/getDocument') ?? 0).toBe(1);
  await other.screenshot({ path: 'test-results/two-windows-other.png' });
});
