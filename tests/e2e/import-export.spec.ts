import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainTextOf } from '../../common/plaintext';
import { schema } from '../../common/schema';
import { test, expect, type Host } from './fixtures';

/** Calls the host's API as the app does. */
async function api(page: import('@playwright/test').Page, host: Host, name: string, input: unknown) {
  const response = await page.request.post(`${host.origin}/api/${name}`, {
    headers: { authorization: `Bearer ${host.token}` },
    data: input,
  });
  const result = await response.json();
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.value;
}

/** The pane whose title is `title` (every pane's document picker lists all titles). */
const paneTitled = (page: import('@playwright/test').Page, title: string) =>
  page.locator('.pane').filter({ has: page.locator('.pane-title', { hasText: title }) });

const fixture = (name: string) => join('tests', 'fixtures', 'import', name);

test('imports a .docx and a .pdf through Import…: details checked in the dialog, opened in new panes, kept', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(fixture('deterrence.docx'));
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Deterrence after Ukraine');
  await expect(dialog.getByLabel('Authors')).toHaveValue('Aiko Tanaka\nBen Okafor');
  // The venue was not in the file: marked for checking, and typed by the analyst.
  await expect(dialog.getByLabel('Venue')).toHaveClass(/to-check/);
  await dialog.getByLabel('Venue').fill('Policy Brief 7');
  await dialog.getByLabel('Date').fill('2024-02');
  await page.screenshot({ path: 'test-results/import-dialog.png' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.pane')).toHaveCount(5);
  const pane = paneTitled(page, 'Deterrence after Ukraine');
  await expect(pane.locator('.pane-meta')).toContainText('Aiko Tanaka, Ben Okafor · Policy Brief 7 · 2024');
  await expect(pane.locator('.pm-doc')).toContainText('Japan must strengthen deterrence now, the ministry argues.');
  await expect(pane.locator('li.pm-footnote')).toHaveText(['Defence White Paper, 2023, p. 12.']);
  // Two files chosen at once: each gets its own dialog, one after the other.
  await expect(dialog).toBeHidden();
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser2).setFiles([fixture('sanctions.pdf'), fixture('deterrence.docx')]);
  await expect(dialog.getByLabel('Title')).toHaveValue('Sanctions and their Limits');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByLabel('Title')).toHaveValue('Deterrence after Ukraine');
  await expect(dialog.locator('.details-replace')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.pane')).toHaveCount(6);
  await expect(paneTitled(page, 'Sanctions and their Limits').locator('.pm-doc')).toContainText(
    'where most sanction regimes fail in practice',
  );
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.screenshot({ path: 'test-results/imported-narrow.png' });
  await page.reload();
  await expect(page.locator('.pane-title')).toContainText(['Deterrence after Ukraine', 'Sanctions and their Limits']);
});

test('Ctrl+O that the browser does not let open a file picker focuses Import… and says to press Enter, which opens it', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  // A key event made by script carries no user activation of its own, like a menu command sent
  // over IPC or a shortcut the browser keeps, so the picker would be refused. It is sent once
  // the activation that Playwright's own call grants has lapsed (5 s in Chromium).
  let chosen = false;
  page.on('filechooser', () => (chosen = true));
  await page.evaluate(
    `setTimeout(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', code: 'KeyO', ctrlKey: true, bubbles: true })), 5500)`,
  );
  // Nothing may reach into the page meanwhile: each check would grant a new activation.
  await page.waitForTimeout(7_000);
  const button = page.getByRole('button', { name: 'Import…' });
  await expect(button).toBeFocused();
  await expect(page.locator('.notices')).toContainText('Press Enter to choose the files to import');
  expect(chosen).toBe(false);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fixture('deterrence.docx'));
  await expect(page.getByRole('dialog', { name: 'Document details' })).toBeVisible();
});

test('a .pdf and a .docx dropped on the window are imported; dropping the .pdf again offers to replace it; a scanned PDF is refused', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  const drop = async (name: string, mime: string) => {
    const data = readFileSync(fixture(name)).toString('base64');
    const transfer = await page.evaluateHandle(
      ({ data, name, mime }) => {
        // Runs in the page; this file is type-checked without the DOM library.
        const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new g.DataTransfer();
        dt.items.add(new g.File([bytes], name, { type: mime }));
        return dt;
      },
      { data, name, mime },
    );
    const target = page.locator('.pane').first().locator('.pm-doc');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await expect(page.locator('.drop-overlay')).toBeVisible();
    await page.screenshot({ path: 'test-results/drop-overlay.png' });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.locator('.drop-overlay')).toBeHidden();
  };
  await drop('sanctions.pdf', 'application/pdf');
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Sanctions and their Limits');
  await expect(dialog).toContainText('1 note');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const pane = paneTitled(page, 'Sanctions and their Limits');
  await expect(pane.locator('.pm-doc')).toContainText('as the case of the energy embargo shows in some detail.');
  await expect(pane.locator('.pm-doc')).not.toContainText('Journal of Test Studies');

  await drop('sanctions.pdf', 'application/pdf');
  await expect(dialog.locator('.details-replace')).toContainText('Replace “Sanctions and their Limits”');
  await page.screenshot({ path: 'test-results/import-replace.png' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaced “Sanctions and their Limits”' })).toContainText(
    'every annotation and link is where it was',
  );
  await expect(page.locator('.pane')).toHaveCount(5);

  await drop('deterrence.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(dialog.getByLabel('Title')).toHaveValue('Deterrence after Ukraine');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(paneTitled(page, 'Deterrence after Ukraine').locator('.pm-doc')).toContainText(
    'The alliance with the United States remains central.',
  );

  await drop('scanned.pdf', 'application/pdf');
  await expect(page.getByRole('alert').filter({ hasText: 'no text layer' })).toContainText('run OCR on it first');
  await expect(page.locator('.pane')).toHaveCount(6);
});

test('exports the HTML report and opens it in the browser', async ({ page, host, context }) => {
  // An annotation with a note, so the report has a highlighted quote.
  const doc = await api(page, host, 'getDocument', { id: 'hornung-2022' });
  const text = plainTextOf(schema.nodeFromJSON(doc.doc)).text;
  const phrase = 'these economic relations have largely collapsed';
  const start = text.indexOf(phrase);
  const { tags } = await api(page, host, 'getCodebook', {});
  await api(page, host, 'createAnnotation', {
    doc: 'hornung-2022',
    revision: doc.revision,
    start,
    end: start + phrase.length,
    tags: [tags.find((t: { name: string }) => t.name === 'Sanctions').id],
    note: 'Trade, not only politics.',
  });
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel(/Report — HTML/)).toBeChecked();
  await page.screenshot({ path: 'test-results/export-dialog.png' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: /Exported .*\.html/ });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(join('exports', ''));
  const opened = context.waitForEvent('page');
  await notice.getByRole('button', { name: 'Open' }).click();
  const report = await opened;
  await report.waitForLoadState();
  await expect(report.locator('h1')).toHaveText('Japan, Russia and the Ukraine war');
  await expect(report.locator('h2').first()).toHaveText('Codebook');
  await expect(report.locator('figure.quote mark').first()).toHaveText(phrase);
  await expect(report.locator('figure.quote figcaption').first()).toContainText('Hornung 2022');
  await expect(report.locator('figure.quote figcaption').first()).toContainText('Trade, not only politics.');
  await expect(report.locator('h3', { hasText: 'The impact on Japanese-Russian relations' })).toBeVisible();
  await report.setViewportSize({ width: 1000, height: 800 });
  await report.screenshot({ path: 'test-results/report.png' });
});

test('a text file over the size limit is refused at once, before it is read or sent', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/prepareImport')) sent.push(r.url());
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(17 * 1024 * 1024, 'a') });
  await expect(page.locator('.notices')).toContainText('huge.txt is 17 MB; Parallax opens text files up to 16 MB.');
  expect(sent).toEqual([]);
  await expect(page.locator('.pane')).toHaveCount(4);
});
