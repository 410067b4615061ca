import { test, expect } from './fixtures';
import { selectPhrase } from './selection';

const HORNUNG = 'economic relations have largely collapsed';
const NAGY = 'Tokyo continues to buy Russian oil, coal, and LNG';

test('make a link with the mouse: select, Link…, select the partner, choose conflict, note and tag; reload keeps it', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectPhrase(page, 'hornung-2022', HORNUNG);
  await page.locator('.selection-bar').getByRole('button', { name: 'Link…' }).click();
  await expect(page.locator('.pick-bar')).toContainText('select the partner passage');
  // Selecting the partner in another pane with the mouse opens the dialog.
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .pm-doc').dispatchEvent('mouseup');
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.link-passage')).toHaveCount(2);
  await dialog.getByRole('button', { name: /Conflict/ }).click();
  await dialog.getByLabel('Find or create a tag').fill('sanct');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Link note').fill('Trade did not collapse: energy imports go on.');
  await page.screenshot({ path: 'test-results/link-dialog.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const ends = page.locator('.pm-doc .lk.lk-conflict');
  await expect(page.locator('.pane[data-doc-id="hornung-2022"] .lk')).toContainText('largely collapsed');
  await expect(page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .lk')).toContainText('Russian oil');
  await page.screenshot({ path: 'test-results/links-in-panes.png' });

  await page.reload();
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect(ends).toHaveCount(2);
  // The Links tab lists it; the relation filter narrows the list.
  await page.keyboard.press('Control+Alt+K');
  const row = page.locator('.links-list .panel-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Trade did not collapse');
  await page.getByLabel('Filter links by relation').selectOption('agree');
  await expect(row).toHaveCount(0);
  await page.getByLabel('Filter links by relation').selectOption('conflict');
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: 'test-results/links-tab.png' });
});

test('make a link with the keyboard; open it by click, change it, add a third passage, delete it and undo', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  // Caret browsing: focus the first pane's text, move the caret, select a word with Shift+→.
  await page.locator('.pane').first().locator('.pm-doc').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  const first = await page.evaluate(() => String((globalThis as any).getSelection()).trim()); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(first.length).toBeGreaterThan(3);
  await page.keyboard.press('l');
  await expect(page.locator('.pick-bar')).toBeVisible();
  // F6 goes to the next pane; select there and press L again.
  await page.keyboard.press('F6');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('l');
  const dialog = page.getByRole('dialog', { name: 'New link' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('3');
  await expect(dialog.getByRole('button', { name: /Related/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  const related = page.locator('.pm-doc .lk.lk-related');
  await expect(related).toHaveCount(2);

  // Enter with the cursor on a linked passage opens the link, by keyboard alone.
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const caretIn = () =>
    page.evaluate(() => {
      const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const s = g.getSelection();
      return String(s.focusNode?.parentElement?.className);
    });
  expect(await caretIn()).toContain('lk-related');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Link' }).locator('.link-passage')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Link' })).toBeHidden();

  // Click opens the link; relation changed to agree; a passage of a third text is added.
  await related.first().click();
  const card = page.getByRole('dialog', { name: 'Link' });
  await expect(card).toBeVisible();
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await card.getByRole('button', { name: '+ Add selected passage' }).click();
  await expect(card.locator('.link-passage')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/link-card.png' });
  await card.getByRole('button', { name: /Agree/ }).click();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.pm-doc .lk.lk-agree')).toHaveCount(3);

  // Ctrl+Z undoes the relation change, then the added passage.
  await page.locator('.pane').first().locator('.pane-title').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.pm-doc .lk.lk-related')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.pm-doc .lk.lk-related')).toHaveCount(2);

  // Delete from the card; Undo in the notice brings it back.
  await related.first().click();
  await card.getByRole('button', { name: 'Delete link' }).click();
  await expect(page.locator('.pm-doc .lk')).toHaveCount(0);
  await page.locator('.notice').last().getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.pm-doc .lk')).toHaveCount(2);
});

test('a link passage whose text is deleted becomes an orphan, listed and re-attached to the selection', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectPhrase(page, 'hornung-2022', HORNUNG);
  await page.keyboard.press('l');
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.keyboard.press('l');
  await page.keyboard.press('Control+Enter');
  const nagy = page.locator('.pane[data-doc-id="nagy-nguyen-2023"]');
  await expect(nagy.locator('.lk')).toContainText('Russian oil');

  // Delete the whole linked passage while editing.
  await nagy.getByRole('button', { name: 'Edit' }).click();
  await selectPhrase(page, 'nagy-nguyen-2023', NAGY);
  await page.keyboard.press('Backspace');
  await expect(nagy.locator('.lk')).toHaveCount(0);
  await expect(page.locator('.panel-tab[data-tab="orphans"]')).toHaveText('Orphans (1)', { timeout: 5000 });
  await nagy.getByRole('button', { name: 'Done' }).click();

  await page.locator('.panel-tab[data-tab="orphans"]').click();
  const orphan = page.locator('.link-orphans .panel-row');
  await expect(orphan).toContainText('Tokyo continues to buy Russian oil');
  await selectPhrase(page, 'nagy-nguyen-2023', 'partly out of a practical calculation');
  await orphan.getByRole('button', { name: 'Attach to selection' }).click();
  await expect(nagy.locator('.lk')).toContainText('practical calculation');
  await expect(page.locator('.panel-tab[data-tab="orphans"]')).toHaveText('Orphans');
  await expect(orphan).toHaveCount(0);
});
