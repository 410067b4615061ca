/**
 * Text edits made in Parallax and the undo history: redo after an edit gives back the
 * link as it stood, and ⟳ asks before it replaces edits with the file's text (undoable).
 */
import type { Page } from '@playwright/test';
import type { Link } from '../../common/model';
import { callHost } from './api';
import { test, expect } from './fixtures';
import { selectPhrase } from './selection';

const HORNUNG = 'economic relations have largely collapsed';
const NAGY = 'Tokyo continues to buy Russian oil, coal, and LNG';
const TYPED = ' (thermal and coking coal, on long-term contracts)';
const NAGY_EDITED =
  'Tokyo continues to buy Russian oil, coal (thermal and coking coal, on long-term contracts), and LNG';
const NAGY_ID = 'nagy-nguyen-2023';

const nagyPane = (page: Page) => page.locator(`.pane[data-doc-id="${NAGY_ID}"]`);
/** The text a pane's link marks cover, joined (a mark may be split across nodes). */
const linkedText = async (page: Page) => (await nagyPane(page).locator('.lk').allTextContents()).join('');

test('redo of a link whose passage was edited gives back the edited passage, not the old span', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await selectPhrase(page, 'hornung-2022', HORNUNG);
  await page.keyboard.press('l');
  await selectPhrase(page, NAGY_ID, NAGY);
  await page.keyboard.press('l');
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => linkedText(page)).toBe(NAGY);

  // Type inside the linked passage.
  const nagy = nagyPane(page);
  await nagy.getByRole('button', { name: 'Edit' }).click();
  await selectPhrase(page, NAGY_ID, 'Russian oil, coal');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(TYPED);
  await expect(nagy.locator('.pane-status')).toHaveText('Saved');
  await nagy.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => linkedText(page)).toBe(NAGY_EDITED);

  // Undo the link, then redo it.
  await page.locator('.pane').first().locator('.pane-title').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.pm-doc .lk')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => linkedText(page)).toBe(NAGY_EDITED);
  await page.screenshot({ path: 'test-results/redo-after-edit.png' });
  const [link] = (await callHost<{ links: Link[] }>(host, 'listLinks', {})).links;
  const end = link.ends.find((e) => e.doc === NAGY_ID)!;
  expect(end).toMatchObject({ orphan: false, quote: { exact: NAGY_EDITED } });
});

test('⟳ over edits made in Parallax asks first; Cancel keeps them, Replace takes the file’s text, Ctrl+Z gives them back', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const nagy = nagyPane(page);
  const doc = nagy.locator('.pm-doc');
  await nagy.getByRole('button', { name: 'Edit' }).click();
  await doc.locator('p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('EDITED BY ANALYST. ');
  await expect(nagy.locator('.pane-status')).toHaveText('Saved');
  await nagy.getByRole('button', { name: 'Done' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Replace your edits?' });
  await nagy.getByRole('button', { name: 'Reload from file' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('has edits made in Parallax');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'test-results/reload-confirm.png' });
  // Esc (or Enter on the focused Cancel) keeps the edits.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(doc).toContainText('EDITED BY ANALYST.');

  await nagy.getByRole('button', { name: 'Reload from file' }).click();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog).toBeHidden();
  await expect(doc).not.toContainText('EDITED BY ANALYST.');
  await expect(page.locator('.notice').last()).toContainText('Your edits were replaced with the text of its file');

  await page.locator('.pane').first().locator('.pane-title').click();
  await page.keyboard.press('Control+z');
  await expect(doc).toContainText('EDITED BY ANALYST.');
  await page.screenshot({ path: 'test-results/reload-undone.png' });
});

test('⟳ on a text without edits made in Parallax reads the file without asking', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await nagyPane(page).getByRole('button', { name: 'Reload from file' }).click();
  await expect(page.locator('.notice').last()).toContainText('The file has not changed since it was read.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
