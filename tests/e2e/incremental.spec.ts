import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { countRequests, listReads } from './requests';
import { selectPhrase } from './selection';

const OSHEA = 'essentially aimed at deterring China';
const HORNUNG = 'economic relations have largely collapsed';
const NAGY = 'Tokyo continues to buy Russian oil, coal, and LNG';

async function tag(page: Page, docId: string, phrase: string, tagName: string): Promise<void> {
  await selectPhrase(page, docId, phrase);
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await popover.getByLabel(tagName).check();
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();
}

test('tagging, editing, deleting and linking show at once from each answer, without reading the workspace again; undo reads only what it changed', async ({
  page,
  host,
}) => {
  const requests = countRequests(page);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect(page.locator('.save-indicator')).toHaveText('All changes saved');
  await expect.poll(() => listReads(requests).listTopics).toBeGreaterThan(0); // the overviews have loaded
  const loaded = listReads(requests);

  // Tag, then a second tag elsewhere, edit one's note, delete the other.
  await tag(page, 'oshea-2024', OSHEA, 'Deterrence');
  const oshea = page.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an');
  await expect(oshea).toHaveText(OSHEA);
  await tag(page, 'nagy-nguyen-2023', NAGY, 'Sanctions');
  const nagy = page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .pm-doc .an');
  await expect(nagy).toHaveText(NAGY);
  await oshea.click();
  const edit = page.getByRole('dialog', { name: 'Tag passage' });
  await edit.getByLabel('Note').fill('Aimed at China');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await oshea.hover(), oshea.getAttribute('title'))).toMatch(/Aimed at China/);
  await page.waitForTimeout(600); // not a double click
  await nagy.click();
  await edit.getByRole('button', { name: 'Delete' }).click();
  await expect(nagy).toHaveCount(0);
  await expect(oshea).toHaveCount(1); // the other highlight stays drawn
  const panel = page.locator('.side-panel');
  await expect(panel.locator(':scope > .panel-count')).toContainText('1');

  // A link by mouse: both ends drawn from the link the call returned.
  await selectPhrase(page, 'hornung-2022', HORNUNG);
  await page.locator('.selection-bar').getByRole('button', { name: 'Link…' }).click();
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .pm-doc').dispatchEvent('mouseup');
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await dialog.getByRole('button', { name: /Conflict/ }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.pm-doc .lk.lk-conflict')).toHaveCount(2);

  // None of this read a whole list again.
  expect(listReads(requests)).toEqual(loaded);

  // Undo of the deletion reads the annotations (and codebook) again, not links, suggestions or topics.
  await page.locator('.pane').first().locator('.pane-title').click();
  await page.keyboard.press('Control+z'); // the link
  await expect(page.locator('.pm-doc .lk')).toHaveCount(0);
  await page.keyboard.press('Control+z'); // the deletion
  await expect(nagy).toHaveText(NAGY);
  const after = listReads(requests);
  expect(after.listLinks).toBe(loaded.listLinks + 1);
  expect(after.listAnnotations).toBe(loaded.listAnnotations + 1);
  expect(after.listSuggestions).toBe(loaded.listSuggestions);
  expect(after.listTopics).toBe(loaded.listTopics);
  expect(after.listDocuments).toBe(loaded.listDocuments);
});
