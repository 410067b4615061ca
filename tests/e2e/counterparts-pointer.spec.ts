import { test, expect } from './fixtures';
import { align } from './api';
import { quoteBox } from './passages';

const SANCTIONS =
  'In addition to sanctions, Japan also immediately provided non-lethal military assistance to Ukraine.';

test('the counterparts panel keeps its passage when the pointer crosses other text on its way to the panel', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await page.keyboard.press('Control+Alt+KeyC');
  const panel = page.getByRole('complementary', { name: 'Counterparts in the other texts' });
  await expect(panel).toBeVisible();
  const at = await quoteBox(page, 2, SANCTIONS, true);
  await page.mouse.click(at.left + 30, (at.top + at.bottom) / 2);
  await expect(panel.locator('.cp-passage')).toContainText('In addition to sanctions');
  // The other texts' columns come in the order of the panes.
  const paneDocs = await page.locator('.pane').evaluateAll((panes) => panes.map((p) => p.getAttribute('data-doc-id')));
  const columns = await panel.locator('.cp-doc').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-doc')));
  expect(columns).toEqual(paneDocs.filter((d) => d !== 'nagy-nguyen-2023'));

  // Across the next pane's text (a pause shorter than the hover delay), then down into the panel.
  const other = (await page.locator('.pane').nth(3).locator('.pm-doc p').first().boundingBox())!;
  await page.mouse.move(other.x + 40, other.y + 10, { steps: 4 });
  await page.waitForTimeout(150);
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.waitForTimeout(800);
  await expect(panel.locator('.cp-passage')).toContainText('In addition to sanctions');

  // Resting over text still asks about it.
  await page.mouse.move(other.x + 40, other.y + 10, { steps: 2 });
  await expect(panel.locator('.cp-passage')).toContainText("O'Shea");
});

test('reading by the caret, a click on suggested text places the caret instead of opening a card', async ({
  page,
  host,
}) => {
  await align(host);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const card = page.locator('.suggestion-card');
  // A tinted stretch that carries suggestions only (no tag, no link).
  const tinted = page.locator('.pane').nth(2).locator('.pm-doc .sg:not(.an):not(.lk)').first();
  await tinted.scrollIntoViewIfNeeded();

  // The counterparts panel closed: a click opens the suggestion's card, as before.
  await tinted.click();
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // Open: the click is a place to read from, and the panel answers for it.
  await page.keyboard.press('Control+Alt+KeyC');
  const panel = page.getByRole('complementary', { name: 'Counterparts in the other texts' });
  await expect(panel).toBeVisible();
  const other = page.locator('.pane').nth(1).locator('.pm-doc .sg:not(.an):not(.lk)').first();
  await other.scrollIntoViewIfNeeded();
  await other.click();
  await expect(panel.locator('.cp-passage')).toContainText('Hornung');
  await page.waitForTimeout(300);
  await expect(card).toBeHidden();
});
