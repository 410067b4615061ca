import { test, expect } from './fixtures';

const TITLES = [
  'The Northeast Asian Regional Security Complex: Japan-Russia Defense Relations',
  'The impact on Japanese-Russian relations',
  "Deterrence, resilience, and engagement: Tokyo's response to the Ukraine war and Russia-China alignment",
  "Japan's Response to the Russia-Ukraine Conflict: Shaping Indo-Pacific Security",
];

test('shows the four seed texts side by side, oldest first, with their metadata and text', async ({ page, host }) => {
  await page.goto(host.url);
  const panes = page.locator('.pane');
  await expect(panes).toHaveCount(4);
  await expect(page.locator('.pane-title')).toHaveText(TITLES);
  await expect(panes.nth(0).locator('.pane-meta')).toContainText('Anthony V. Rinna');
  await expect(panes.nth(0).locator('.pane-year')).toHaveText('2016');
  await expect(panes.nth(2).locator('.pane-meta')).toContainText('Stephen R. Nagy, Hanh Nguyen');
  await expect(panes.nth(2).locator('.pane-venue')).toContainText('Stosunki Międzynarodowe');
  await expect(panes.nth(3).locator('.pane-year')).toHaveText('2024');
  // The texts themselves, not only headers.
  await expect(panes.nth(1).locator('.pm-doc')).toContainText('these economic relations have largely collapsed');
  await expect(panes.nth(3).locator('.pm-doc')).toContainText('essentially aimed at deterring China');
  await expect(panes.nth(2).locator('.pm-doc')).toContainText('a mixture of engagement, resilience, and deterrence');
  // Notes are a list of their own after the body, with markers linked to them.
  await expect(panes.nth(2).locator('li.pm-footnote')).toHaveCount(72);
  await expect(panes.nth(2).locator('sup.pm-fnref')).toHaveCount(72);
  // The token is not left in the address bar.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'test-results/four-panes.png' });
});

test('a pane can be switched to another document, and the choice is kept', async ({ page, host }) => {
  await page.goto(host.url);
  const first = page.locator('.pane').first();
  await expect(first.locator('.pane-title')).toHaveText(TITLES[0]);
  await first.locator('select.pane-doc').selectOption('oshea-2024');
  await expect(first.locator('.pane-title')).toHaveText(TITLES[3]);
  await expect(first.locator('.pm-doc')).toContainText('essentially aimed at deterring China');
  await page.reload();
  await expect(page.locator('.pane').first().locator('.pane-title')).toHaveText(TITLES[3]);
});

test('panes can be added, moved and closed', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await page.getByRole('button', { name: 'Add pane' }).click();
  await expect(page.locator('.pane')).toHaveCount(5);
  await page.locator('.pane').first().getByRole('button', { name: 'Move pane right' }).click();
  await expect(page.locator('.pane-title').nth(1)).toHaveText(TITLES[0]);
  await page.locator('.pane').nth(1).getByRole('button', { name: 'Close pane' }).click();
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect(page.locator('.pane-title').nth(0)).toHaveText(TITLES[1]);
  // Keyboard: Ctrl+Alt+N adds a pane next to the active one.
  await page.locator('.pane').first().locator('.pm-doc').click();
  // The layout is saved in the background, one save after another; the reload waits for the save
  // of exactly these five panes (an earlier save of five, from + Add pane, may answer late).
  const layouts: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/saveLayout') && r.ok()) {
      const body = JSON.parse(r.request().postData() ?? '{}') as { panes?: { docId: string }[] };
      layouts.push((body.panes ?? []).map((p) => p.docId).join());
    }
  });
  await page.keyboard.press('Control+Alt+KeyN');
  await expect(page.locator('.pane')).toHaveCount(5);
  const shown = (
    await page
      .locator('.pane')
      .evaluateAll((els) => els.map((e) => (e as { dataset: { docId?: string } }).dataset.docId))
  ).join();
  await expect.poll(() => layouts.at(-1)).toBe(shown);
  await page.reload();
  await expect(page.locator('.pane')).toHaveCount(5);
  await expect(page.locator('.pane-title').nth(0)).toHaveText(TITLES[1]);
});

test('text is read-only until Edit is on, and an edit survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const pane = page.locator('.pane').nth(1);
  const doc = pane.locator('.pm-doc');
  await expect(doc).toHaveAttribute('contenteditable', 'false');
  await pane.getByRole('button', { name: 'Edit' }).click();
  await expect(doc).toHaveAttribute('contenteditable', 'true');
  await doc.locator('p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('EDITED BY ANALYST. ');
  await expect(pane.locator('.pane-status')).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/editing.png', clip: { x: 0, y: 0, width: 1000, height: 420 } });
  await pane.getByRole('button', { name: 'Done' }).click();
  await expect(doc).toHaveAttribute('contenteditable', 'false');
  await page.reload();
  await expect(page.locator('.pane').nth(1).locator('.pm-doc')).toContainText(
    'EDITED BY ANALYST. Diplomat author Mercy Kuo',
  );
});

test('clicking a footnote marker brings its note into view', async ({ page, host }) => {
  await page.goto(host.url);
  const pane = page.locator('.pane').nth(2);
  const note = pane.locator('li.pm-footnote[data-label="13"]');
  await expect(note).not.toBeInViewport();
  await pane.locator('sup.pm-fnref[data-label="13"]').click();
  await expect(note).toBeInViewport();
});

test('the host refuses API calls without the token', async ({ request, host }) => {
  const none = await request.post(`${host.origin}/api/listDocuments`, { data: {} });
  expect(none.status()).toBe(401);
  const wrong = await request.post(`${host.origin}/api/listDocuments`, {
    data: {},
    headers: { authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);
  const right = await request.post(`${host.origin}/api/listDocuments`, {
    data: {},
    headers: { authorization: `Bearer ${host.token}` },
  });
  expect(right.status()).toBe(200);
  expect((await right.json()).value).toHaveLength(4);
});
