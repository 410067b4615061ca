import { test, expect } from './fixtures';
import { selectPhrase } from './selection';

const NAGY = 'Tokyo continues to buy Russian oil, coal, and LNG';

test('the tag finder folds spelling and dashes, and the Orphans count agrees with its number', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag passage' });
  const finder = popover.getByPlaceholder('Find or create a tag…');
  await finder.fill('defense');
  await expect(popover.locator('.popover-tag').first()).toContainText('Defence spending');
  // A name that differs only by its dash is the existing tag, not a new one.
  await finder.fill('russia-china alignment');
  await expect(popover.locator('.popover-create')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(popover.getByLabel('Russia–China alignment')).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();

  const nagy = page.locator('.pane[data-doc-id="nagy-nguyen-2023"]');
  await nagy.getByRole('button', { name: 'Edit' }).click();
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.keyboard.press('Backspace');
  await expect(page.locator('.panel-tab[data-tab="orphans"]')).toHaveText('Orphans (1)', { timeout: 5000 });
  await nagy.getByRole('button', { name: 'Done' }).click();
  await page.locator('.panel-tab[data-tab="orphans"]').click();
  await expect(page.locator('.side-panel')).toContainText('1 annotation lost its text.');
});

test('the review badge says what its number is', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await page.keyboard.press('Control+Shift+A');
  await page.keyboard.press('Control+Alt+R');
  const badge = page.locator('.review-row .review-confidence').first();
  await expect(badge).toHaveAttribute('title', /^Confidence in the relation/, { timeout: 30_000 });
});
