import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function alignAndReview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice').last()).toContainText(/Align found/, { timeout: 20_000 });
  await page.keyboard.press('Control+Alt+R');
  await expect(page.locator('.review-list')).toBeFocused();
}

const selected = (page: Page) => page.locator('.review-row[aria-selected="true"]');
const selectedId = async (page: Page) => (await selected(page).getAttribute('data-suggestion')) ?? '';
/** How many panes draw something matching `selector` (a passage may be drawn as several pieces). */
const panesWith = (page: Page, selector: string) => () =>
  page.locator('.pane').evaluateAll((panes, sel) => panes.filter((p) => p.querySelector(sel)).length, selector);
/** Whether suggestion `id` is drawn within the visible part of every pane that draws it (and at least one does). */
const inView = (page: Page, id: string) =>
  page.locator('.pane').evaluateAll((panes, cls) => {
    const drawn = panes
      .map((p) => [p.querySelector('.pane-body'), p.querySelector(`.pm-doc .${cls}`)] as const)
      .filter(([, el]) => el);
    return (
      drawn.length > 0 &&
      drawn.every(([body, el]) => {
        const b = body!.getBoundingClientRect();
        const r = el!.getBoundingClientRect();
        return r.bottom > b.top && r.top < b.bottom;
      })
    );
  }, `sg-id-${id}`);
const confidences = (page: Page) =>
  page.locator('.review-row .review-confidence').evaluateAll((els) => els.map((e) => Number(e.textContent)));

test('the review queue: most confident first, triage by keys keeping the place, filters, restore', async ({
  page,
  host,
}) => {
  await alignAndReview(page, host.url);
  const rows = page.locator('.review-row');
  const total = await rows.count();
  expect(total).toBeGreaterThan(20);
  const scores = await confidences(page);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  // Only the suggestion under review is drawn strongly in the panes.
  const first = await selectedId(page);
  await expect(page.locator('.pm-doc .sg-focus')).not.toHaveCount(0);
  await expect(page.locator(`.pm-doc .sg-focus:not(.sg-id-${first})`)).toHaveCount(0);
  // ...and it is brought into view in the panes as the queue opens.
  await expect.poll(() => inView(page, first)).toBe(true);

  // J / K move.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const third = await selectedId(page);
  expect(third).not.toBe(first);
  await page.keyboard.press('k');
  const second = await selectedId(page);
  expect(await rows.nth(1).getAttribute('data-suggestion')).toBe(second);
  await page.screenshot({ path: 'test-results/review-queue.png' });

  // 2 accepts the second as a conflict: it leaves "To review", becomes a link, and the next one is selected.
  await page.keyboard.press('2');
  await expect(page.locator(`#review-${second}`)).toHaveCount(0);
  await expect.poll(() => selectedId(page)).toBe(third);
  await expect.poll(panesWith(page, '.pm-doc .lk.lk-conflict')).toBe(2);

  // D dismisses; the place is kept again.
  const fourth = await rows.nth(2).getAttribute('data-suggestion');
  await page.keyboard.press('d');
  await expect(page.locator(`#review-${third}`)).toHaveCount(0);
  await expect.poll(() => selectedId(page)).toBe(fourth);
  // The suggestion the place moved on to is brought into view too.
  await expect.poll(() => inView(page, fourth!)).toBe(true);
  await expect(page.locator(`.pm-doc .sg-id-${third}`)).toHaveCount(0);
  await expect(rows).toHaveCount(total - 2);

  // The filters: dismissed ones, restored with R.
  await page.getByLabel('Filter by status').selectOption('dismissed');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await page.keyboard.press('r');
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Filter by status').selectOption('suggested');
  await expect(rows).toHaveCount(total - 1);
  // By relation: each suggestion is listed under its own relation only.
  const byRelation: number[] = [];
  for (const relation of ['related', 'conflict', 'agree']) {
    await page.getByLabel('Filter by relation').selectOption(relation);
    const chips = await page.locator('.review-row .chip').allTextContents();
    for (const chip of chips) expect(chip).toBe(relation);
    byRelation.push(chips.length);
  }
  expect(byRelation[0]).toBeGreaterThan(0);
  expect(byRelation.reduce((a, b) => a + b, 0)).toBe(total - 1);
});

test('dismiss then Ctrl+Z restores the suggestion; accept, edit one character of a side, reload: the link is intact', async ({
  page,
  host,
}) => {
  await alignAndReview(page, host.url);
  const first = await selectedId(page);
  await page.keyboard.press('d');
  await expect(page.locator(`#review-${first}`)).toHaveCount(0);
  await expect(page.locator(`.pm-doc .sg-id-${first}`)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.notice').last()).toContainText('Undone');
  await expect(page.locator(`#review-${first}`)).toHaveCount(1);
  await expect.poll(() => page.locator(`.pm-doc .sg-id-${first}`).count()).toBeGreaterThan(0);

  // Accept it: a link in two panes.
  await page.locator(`#review-${first}`).click();
  await page.keyboard.press('a');
  await expect.poll(panesWith(page, '.pm-doc .lk')).toBe(2);
  // The queue moves on and brings the next suggestion into view: let the panes come to rest.
  await expect.poll(async () => (await selectedId(page)) !== first).toBe(true);
  const next = await selectedId(page);
  await expect.poll(() => inView(page, next)).toBe(true);
  const pane = page.locator('.pane', { has: page.locator('.pm-doc .lk') }).first();
  const linkText = () => pane.locator('.lk').evaluateAll((els) => els.map((e) => e.textContent).join(''));
  const before = await linkText();

  // Edit one character inside that passage, then reload.
  await pane.getByRole('button', { name: 'Edit' }).click();
  const end = pane.locator('.lk').first();
  // Scrolled back from the next suggestion: wait until the passage stays put (blocks coming into
  // view are laid out and may change height) before clicking into it.
  let box = await end.boundingBox();
  await expect
    .poll(async () => {
      await end.scrollIntoViewIfNeeded();
      const now = await end.boundingBox();
      const still = JSON.stringify(now) === JSON.stringify(box);
      box = now;
      return still;
    })
    .toBe(true);
  box = box!;
  await page.mouse.click(box.x + Math.min(30, box.width / 2), box.y + box.height / 2);
  await page.keyboard.type('Q');
  await expect(pane.locator('.save-status, .pane-status').first()).toHaveText(/Saved/, { timeout: 5000 });
  await page.reload();
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect.poll(panesWith(page, '.pm-doc .lk')).toBe(2);
  const after = await linkText();
  expect(after).toContain('Q');
  expect(after.replace('Q', '')).toBe(before);
  await expect(page.locator('.panel-tab[data-tab="orphans"]')).toHaveText('Orphans');
});
