import { test, expect } from './fixtures';

test('Align marks suggested agreements and conflicts in the panes, with evidence on hover, kept after a reload', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect(page.locator('.pm-doc .sg')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice')).toContainText(/Align found \d+ suggestions: \d+ agree, \d+ conflict/, {
    timeout: 20_000,
  });
  await expect(page.locator('.legend')).toBeVisible();
  const marks = page.locator('.pm-doc .sg');
  expect(await marks.count()).toBeGreaterThan(20);
  // Every pane shows some, and the hover text names the relation, the other text and its evidence.
  for (let i = 0; i < 4; i++)
    expect(await page.locator('.pane').nth(i).locator('.pm-doc .sg').count()).toBeGreaterThan(0);
  const title = await marks.first().getAttribute('title');
  expect(title).toMatch(/^(Agrees|Conflicts|Related) with .+ \(confidence 0\.\d\d\)\n“.+”/);
  expect(title).toMatch(/shared: /);
  await expect(page.locator('.pm-doc .sg-evidence').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/align.png' });

  await page.reload();
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect.poll(() => page.locator('.pm-doc .sg').count()).toBeGreaterThan(20);
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
