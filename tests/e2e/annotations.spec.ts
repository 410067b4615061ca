import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { selectPhrase as select } from './selection';

/** The hover text of a highlight, as the user sees it on pointing at it (written on first hover). */
function expectHoverText(highlight: Locator, text: RegExp): Promise<void> {
  return expect
    .poll(async () => {
      await highlight.hover();
      return highlight.getAttribute('title');
    })
    .toMatch(text);
}

/** Opens the workspace, then selects a phrase and tags it with one tag by keyboard. */
async function openAndTag(page: Page, url: string, docId: string, phrase: string, tag: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await select(page, docId, phrase);
  await page.keyboard.press('t');
  await page.getByRole('dialog', { name: 'Tag passage' }).getByLabel(tag).check();
  await page.keyboard.press('Control+Enter');
}

const OSHEA = 'essentially aimed at deterring China';
const NAGY = 'a mixture of engagement, resilience, and deterrence';

test('select text, tag it with a note, see the highlight, and find it after a reload and in the side panel', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await select(page, 'oshea-2024', OSHEA);
  await expect(page.locator('.selection-bar')).toBeVisible();
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(popover).toBeVisible();
  await expect(popover.locator('.popover-quote')).toContainText(OSHEA);
  await popover.getByPlaceholder('Find or create a tag…').fill('deter');
  await page.keyboard.press('Enter'); // ticks the first match
  await expect(popover.getByLabel('Deterrence')).toBeChecked();
  await popover.getByPlaceholder('Find or create a tag…').fill('China thr');
  await page.keyboard.press('Enter');
  await popover.getByLabel('Note').fill('Deterrence of China as the aim');
  await page.screenshot({ path: 'test-results/tag-popover.png' });
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();

  const highlight = page.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an');
  await expect(highlight).toHaveText(OSHEA);
  await expectHoverText(highlight, /Deterrence, China threat|China threat, Deterrence/);
  await expectHoverText(highlight, /Deterrence of China as the aim/);
  // A second, overlapping annotation in another pane and colour.
  await select(page, 'nagy-nguyen-2023', NAGY);
  await page.getByRole('button', { name: 'Tag…' }).click();
  await popover.getByLabel('Engagement').check();
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .pm-doc .an')).toHaveText(NAGY);
  const colours = await page
    .locator('.pm-doc .an')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    .evaluateAll((els) => els.map((el) => (globalThis as any).getComputedStyle(el).borderBottomColor));
  expect(new Set(colours).size).toBe(2);
  await page.locator('.pane[data-doc-id="oshea-2024"] .an').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/annotations.png' });

  // Side panel: filter by tag, document and text; a click scrolls the pane there.
  const panel = page.locator('.side-panel');
  await expect(panel.locator('.panel-row')).toHaveCount(2);
  await panel.getByLabel('Filter by tag').selectOption({ label: 'Strategy' }); // includes its sub-tags
  await expect(panel.locator('.panel-row')).toHaveCount(2);
  await panel.getByLabel('Filter by tag').selectOption({ label: '\u00a0\u00a0China threat' });
  await expect(panel.locator('.panel-row')).toHaveCount(1);
  await expect(panel.locator(':scope > .panel-count')).toHaveText('1 of 2 annotations');
  await panel.getByLabel('Filter by tag').selectOption('');
  await panel.getByLabel('Filter by document').selectOption('nagy-nguyen-2023');
  await expect(panel.locator('.panel-row')).toHaveCount(1);
  await panel.getByLabel('Filter by document').selectOption('');
  await panel.getByLabel('Search annotations').fill('as the aim');
  await expect(panel.locator('.panel-row')).toHaveCount(1);
  await panel.locator('.panel-row button').click();
  await expect(page.locator('.pane[data-doc-id="oshea-2024"] .an-focus')).toBeInViewport();

  await page.reload();
  await expect(page.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an')).toHaveText(OSHEA);
  await expect(page.locator('.side-panel .panel-row')).toHaveCount(2);
  await expect(page.locator('.save-indicator')).toHaveText('All changes saved');
});

test('undo and redo tagging; click a highlight to edit its note or delete it', async ({ page, host }) => {
  await openAndTag(page, host.url, 'oshea-2024', OSHEA, 'Deterrence');
  const highlight = page.locator('.pane[data-doc-id="oshea-2024"] .pm-doc .an');
  await expect(highlight).toHaveCount(1);

  await page.locator('.toolbar .brand').click(); // focus outside any text field
  await page.keyboard.press('Control+z');
  await expect(highlight).toHaveCount(0);
  await expect(page.locator('.notice').last()).toContainText('Undone: Tag passage');
  await page.keyboard.press('Control+Shift+z');
  await expect(highlight).toHaveCount(1);

  await highlight.click();
  const edit = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(edit.locator('.popover-heading')).toHaveText('Edit annotation');
  await edit.getByLabel('Note').fill('Edited note');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expectHoverText(highlight, /Edited note/);
  await page.waitForTimeout(600); // two clicks within 500 ms are a double click (word selection)
  await highlight.click();
  await edit.getByRole('button', { name: 'Delete' }).click();
  await expect(highlight).toHaveCount(0);
  await page.locator('.notice').last().getByRole('button', { name: 'Undo' }).click();
  await expectHoverText(highlight, /Edited note/);
});

test('the codebook: add a nested tag, rename it, and delete a tag in use by moving its annotations', async ({
  page,
  host,
}) => {
  await openAndTag(page, host.url, 'oshea-2024', OSHEA, 'Sanctions');
  await expect(page.locator('.pm-doc .an')).toHaveCount(1);

  const panel = page.locator('.side-panel');
  await panel.getByRole('tab', { name: 'Codebook' }).click();
  await panel.getByLabel('New tag name').fill('Nuclear sharing');
  await panel.getByLabel('Parent of the new tag').selectOption({ label: 'Strategy' });
  await panel.getByRole('button', { name: 'Add' }).click();
  const row = panel.locator('.codebook-row', { hasText: 'Nuclear sharing' });
  await expect(row).toHaveAttribute('style', /--depth:\s*1/);
  await row.getByRole('button', { name: 'Edit' }).click();
  await row.getByLabel('Name').fill('Nuclear weapons sharing');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.codebook-row', { hasText: 'Nuclear weapons sharing' })).toBeVisible();
  await panel.locator('.codebook-row[data-tag="sanctions"]').getByRole('button', { name: 'Edit' }).click();
  await page.screenshot({ path: 'test-results/codebook.png' });
  await panel.locator('.codebook-row[data-tag="sanctions"]').getByRole('button', { name: 'Edit' }).click();

  const sanctions = panel.locator('.codebook-row[data-tag="sanctions"]');
  await expect(sanctions.locator('.tag-uses')).toHaveText('1');
  await sanctions.getByRole('button', { name: 'Edit' }).click();
  await sanctions.getByLabel('Tag to merge into').selectOption({ label: 'Nuclear weapons sharing' });
  await sanctions.getByLabel('What happens to its annotations').selectOption('move');
  await sanctions.getByRole('button', { name: 'Delete tag' }).click();
  await expect(panel.locator('.codebook-row[data-tag="sanctions"]')).toHaveCount(0);
  await expectHoverText(page.locator('.pm-doc .an'), /Nuclear weapons sharing/);
});
