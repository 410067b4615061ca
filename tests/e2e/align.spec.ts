import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Clicks the first word of an inline element: a passage wrapped over lines has other text in its box. */
async function clickStart(page: Page, target: Locator): Promise<void> {
  await reveal(target);
  const r = await target.evaluate((el) => {
    const rect = (
      el as unknown as { getClientRects(): { left: number; top: number; height: number }[] }
    ).getClientRects()[0];
    return { x: rect.left + 3, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(r.x, r.y);
  await chooseFirstSuggestion(page);
}

/** Where suggestions overlap, a click offers a chooser: take the first suggestion listed. */
async function chooseFirstSuggestion(page: Page): Promise<void> {
  const chooser = page.getByRole('dialog', { name: 'Choose what to open' });
  await page.waitForTimeout(50);
  if (await chooser.isVisible())
    await chooser
      .getByRole('menuitem', { name: /^suggested/ })
      .first()
      .click();
}

/** Scrolls an element to the middle of its pane (blocks far out of view are not rendered until then). */
async function reveal(target: Locator): Promise<void> {
  await target.evaluate((el) =>
    (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }),
  );
}

test('Align marks suggested agreements and conflicts in the panes, with evidence on hover, kept after a reload', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect(page.locator('.pm-doc .sg')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice')).toContainText(
    /Align found \d+ suggestions: (none|\d+) flagged as (a )?possible conflicts?, \d+ related\. Whether two authors agree is for you to judge/,
    {
      timeout: 20_000,
    },
  );
  await expect(page.locator('.legend')).toBeVisible();
  const marks = page.locator('.pm-doc .sg');
  expect(await marks.count()).toBeGreaterThan(20);
  // Every pane shows some, and the hover text names the relation, the other text and its evidence.
  for (let i = 0; i < 4; i++)
    expect(await page.locator('.pane').nth(i).locator('.pm-doc .sg').count()).toBeGreaterThan(0);
  const title = await marks.first().getAttribute('title');
  expect(title).toMatch(/^(Agrees|Conflicts|Related) with .+ \(similarity 0\.\d\d\)\n“.+”/);
  expect(title).toMatch(/shared: /);
  await expect(page.locator('.pm-doc .sg-evidence').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/align.png' });

  await page.reload();
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect.poll(() => page.locator('.pm-doc .sg').count()).toBeGreaterThan(20);
});

test('a suggestion is accepted, dismissed (with undo) and followed to its other passage from its card', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice')).toContainText(/Align found/, { timeout: 20_000 });
  const pane = page.locator('.pane').nth(3);
  const passage = (sid: string | undefined) => page.locator(`.pm-doc .sg-id-${sid}`);
  const first = pane.locator('.pm-doc .sg', { hasText: /\w{6}/ }).first();
  await clickStart(page, first);
  const card = page.getByRole('dialog', { name: /Agrees with|Conflicts with|Related to/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('This passage');
  await expect(card).toContainText('Other passage');
  // How alike the passages are, apart from how sure Parallax is of the relation.
  await expect(card.locator('.card-meta')).toContainText(
    /^Similarity 0\.\d\d · Confidence in “(agree|conflict|related)” 0\.\d\d/,
  );
  await page.screenshot({ path: 'test-results/suggestion-card.png' });
  const accepted = (await card.getAttribute('data-suggestion')) ?? undefined;

  // Accept: it becomes a link, drawn as one in both texts (the tint gives way), kept after a reload.
  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(card).toBeHidden();
  await expect(passage(accepted)).toHaveCount(0);
  const panesWithLink = async () => {
    let n = 0;
    for (let i = 0; i < 4; i++) n += (await page.locator('.pane').nth(i).locator('.pm-doc .lk').count()) > 0 ? 1 : 0;
    return n;
  };
  await expect.poll(panesWithLink).toBe(2);
  await page.reload();
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect.poll(panesWithLink).toBe(2);

  // Dismiss by key: gone from both texts; Undo brings it back.
  const other = pane.locator('.pm-doc .sg:not(.lk)', { hasText: /\w{6}/ }).first();
  await clickStart(page, other);
  await expect(card).toBeVisible();
  const dismissed = (await card.getAttribute('data-suggestion')) ?? undefined;
  expect(dismissed).not.toBe(accepted);
  await page.keyboard.press('d');
  await expect(card).toBeHidden();
  await expect(passage(dismissed)).toHaveCount(0);
  await page.locator('.notice').last().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => passage(dismissed).count()).toBeGreaterThan(0);

  // Show the other passage: its pane scrolls there and flashes it.
  await passage(dismissed)
    .first()
    .click({ position: { x: 3, y: 6 } });
  await chooseFirstSuggestion(page);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Show other passage' }).click();
  await expect(page.locator(`.pm-doc .sg-id-${dismissed}.sg-flash`).first()).toBeInViewport();
});

test('F8 and Shift+F8 open the suggestions of the active pane one after another', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await page.keyboard.press('F8');
  await expect(page.locator('.notice').last()).toContainText('No suggestions yet');
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice').last()).toContainText(/Align found/, { timeout: 20_000 });
  await page.locator('.pane').nth(1).locator('.pane-title').click();
  const card = page.getByRole('dialog', { name: /Agrees with|Conflicts with|Related to/ });
  await page.keyboard.press('F8');
  await expect(card).toBeVisible();
  await expect(card).toBeFocused();
  const first = await card.getAttribute('data-suggestion');
  await expect(page.locator('.pane').nth(1).locator(`.sg-id-${first}`).first()).toBeInViewport();
  await page.keyboard.press('F8');
  await expect(card).not.toHaveAttribute('data-suggestion', first!);
  await page.keyboard.press('Shift+F8');
  await expect(card).toHaveAttribute('data-suggestion', first!);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

test('the concept lexicon is edited in a dialog, checked, and kept in the workspace', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Concepts…' }).click();
  const dialog = page.locator('dialog.concepts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.concepts-defaults li').first()).toBeAttached();
  await dialog
    .locator('textarea')
    .fill('Article 9 debate: constitutional reinterpretation; revision of Article 9\nno colon here');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('.concepts-error')).toHaveText(/Line 2: write "Name: form; another form"/);
  await dialog.locator('textarea').fill('Article 9 debate: constitutional reinterpretation; revision of Article 9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notice')).toContainText('1 concept saved');
  await page.reload();
  await expect(page.locator('.pane .pm-doc').first()).toBeVisible();
  await page.keyboard.press('Control+Shift+K');
  await expect(page.locator('dialog.concepts-dialog textarea')).toHaveValue(
    'Article 9 debate: constitutional reinterpretation; revision of Article 9',
  );
});
