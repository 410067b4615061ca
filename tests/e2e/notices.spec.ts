import { test, expect } from './fixtures';

test('notices: information fades (not while pointed at), at most three are shown, errors stay until Esc, and the toolbar stays clear', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1000, height: 640 });
  await page.clock.install();
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const notices = page.locator('.notice');
  const shown = page.locator('.notice:visible');

  // Twelve messages: three are shown, the rest fold into "9 earlier…".
  for (let i = 0; i < 12; i++) await page.keyboard.press('F8');
  await expect(notices).toHaveCount(12);
  await expect(shown).toHaveCount(3);
  await expect(page.locator('.notices-more')).toHaveText('9 earlier…');
  const toolbar = (await page.locator('.toolbar').boundingBox())!;
  const stack = (await page.locator('.notices').boundingBox())!;
  expect(stack.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  await page.locator('.notices-more').click();
  await expect(shown).toHaveCount(12);
  const unfolded = (await page.locator('.notices').boundingBox())!;
  expect(unfolded.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  for (const button of await page.locator('.toolbar button:visible').all()) {
    const box = (await button.boundingBox())!;
    const hit = await page.evaluate(
      // Runs in the page; this file is type-checked without the DOM library.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ([x, y]) => (globalThis as any).document.elementFromPoint(x, y)?.closest('.toolbar') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit, await button.innerText()).toBe(true);
  }
  await page.screenshot({ path: 'test-results/notices-unfolded.png' });

  // They fade after a few seconds.
  await page.clock.fastForward(7000);
  await expect(notices).toHaveCount(0);

  // Not while the pointer is over one; a little after it leaves.
  await page.keyboard.press('F8');
  await page.locator('.notice').hover();
  await page.clock.fastForward(20_000);
  await expect(notices).toHaveCount(1);
  await page.mouse.move(10, 300);
  await page.clock.fastForward(3500);
  await expect(notices).toHaveCount(0);

  // An error stays until dismissed: Esc dismisses the newest, ✕ any.
  await page.route('**/api/getConcepts', (route) => route.abort());
  await page.keyboard.press('Control+Shift+K');
  await page.keyboard.press('Control+Shift+K');
  await expect(page.locator('.notice-error')).toHaveCount(2);
  await page.clock.fastForward(60_000);
  await expect(page.locator('.notice-error')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/notices-errors.png' });
  await page.locator('body').press('Escape');
  await expect(page.locator('.notice-error')).toHaveCount(1);
  await page.locator('.notice-error .notice-dismiss').click();
  await expect(notices).toHaveCount(0);
});
