import { test, expect } from './fixtures';
import { KEY_BINDINGS } from '../../common/keys';

test('F1, ? and the toolbar open the keyboard shortcuts, listing every command; a browser-kept key is marked and its alternative offered', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  for (const b of KEY_BINDINGS)
    await expect(sheet.locator('dt', { hasText: b.label.replace(/…$/, '') })).not.toHaveCount(0);
  const tagRow = sheet.locator('dt', { hasText: 'Tag Selection' }).locator('xpath=following-sibling::dd[1]');
  await expect(tagRow).toHaveText('T on a selectionCtrl+T desktop app only');
  await expect(sheet.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Counterparts panel' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shortcuts-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('F1');
  await expect(sheet).toBeHidden();

  // "?" pressed at once after the sheet closed, while the focus is still on its Close button
  // (until the browser moves it), opens the sheet again rather than being taken for the dialog's.
  await page.evaluate(() => {
    const dialog = (globalThis as any).document.querySelector('dialog.shortcuts-sheet');
    const button = Array.from(dialog.querySelectorAll('button') as any[]).find((b: any) => b.textContent === 'Close');
    dialog.showModal();
    button.focus();
    dialog.close();
    button.dispatchEvent(
      new (globalThis as any).KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true }),
    );
  });
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();

  // "?" typed in a field is just a character.
  await page.keyboard.press('Control+Shift+L');
  const search = page.getByLabel('Search annotations');
  await search.fill('');
  await search.press('?');
  await expect(sheet).toBeHidden();
  await expect(search).toHaveValue('?');

  // The hint names the key that works here, not the browser's New Tab.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('Control+T');
  await expect(page.locator('.notice').last()).toHaveText(/then tag it \(T\)\./);
});
