import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textOf as recordText } from '../../main/services/annotations/anchors';
import { openWorkspace } from '../../main/services/app';
import { callHost, documentText, passage } from './api';
import { test, expect, startHost, type Host } from './fixtures';

const api = callHost;
const textOf = async (host: Host, id: string) => (await documentText(host, id)).text;

/** Two conflicts between different pairs of authors and one agreement, made through the API. */
async function threeLinks(host: Host) {
  const islands = await api<{ id: string }>(host, 'createLink', {
    relation: 'conflict',
    ends: [
      await passage(host, 'rinna-2016', 'Northern Territories'),
      await passage(host, 'oshea-2024', 'Northern Territories'),
    ],
    note: 'Bargaining chip or settled?',
  });
  const energy = await api<{ id: string }>(host, 'createLink', {
    relation: 'conflict',
    ends: [
      await passage(host, 'hornung-2022', 'sanctions'),
      await passage(host, 'nagy-nguyen-2023', 'energy security'),
    ],
  });
  const deterrence = await api<{ id: string }>(host, 'createLink', {
    relation: 'agree',
    ends: [await passage(host, 'hornung-2022', 'deterrence'), await passage(host, 'oshea-2024', 'deterrence')],
  });
  return { islands, energy, deterrence };
}

async function open(page: Page, host: Host): Promise<void> {
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect(page.locator('.pane').first().locator('.pm-doc')).toBeVisible();
}

test('the contradictions view lists both conflicts by author pair, shows them in the panes, and Alt+↓ walks them', async ({
  page,
  host,
}) => {
  await threeLinks(host);
  await open(page, host);
  await page.keyboard.press('Control+Shift+C');
  const view = page.locator('.contradictions-view');
  await expect(view).toBeVisible();
  const entries = view.locator('.conflict-entry');
  await expect(entries).toHaveCount(2);
  await expect(view.locator('.ov-count')).toHaveText('2 conflicts: 2 reviewed, 0 unreviewed');
  // Reviewed links, in the order made; the first flags the eight years between its texts.
  await expect(entries.nth(0).locator('figcaption')).toHaveText(['Rinna, 2016', "O'Shea, 2024"]);
  await expect(entries.nth(0).locator('.ov-gap')).toHaveText('2016 vs 2024: may be a change over time');
  await expect(entries.nth(0).locator('.ov-note')).toHaveText('Bargaining chip or settled?');
  await expect(entries.nth(1).locator('figcaption')).toHaveText(['Hornung, 2022', 'Nagy & Nguyen, 2023']);
  await expect(entries.nth(1).locator('.ov-gap')).toHaveCount(0);

  await view.locator('.ov-group-by').selectOption('pair');
  await expect(view.locator('.ov-group h3')).toHaveText(["Rinna vs O'Shea 1", 'Hornung vs Nagy & Nguyen 1']);
  await view.locator('.ov-author-filter').selectOption({ label: 'Hornung' });
  await expect(entries).toHaveCount(1);
  await view.locator('.ov-author-filter').selectOption({ label: 'All authors' });
  await page.screenshot({ path: 'test-results/overview-contradictions.png' });
  // The dock's top edge resizes it, by keyboard too.
  const dock = page.locator('.overview-dock');
  const before = (await dock.boundingBox())!.height;
  await page.getByRole('separator', { name: 'Resize the overviews' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect((await dock.boundingBox())!.height).toBeCloseTo(before + 80, -1);

  // One click: both passages outlined and in view in their panes.
  await entries.nth(0).click();
  const rinna = page.locator('.pane[data-doc-id="rinna-2016"] .revealed-passage');
  const oshea = page.locator('.pane[data-doc-id="oshea-2024"] .revealed-passage');
  await expect(rinna).toHaveText('Northern Territories');
  await expect(oshea).toHaveText('Northern Territories');
  await expect(rinna).toBeInViewport();
  await expect(oshea).toBeInViewport();

  // Alt+↓ goes on to the next conflict, Alt+↑ back, from anywhere outside a text field.
  await page.locator('.pane').first().locator('.pm-doc').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.pane[data-doc-id="hornung-2022"] .revealed-passage')).toHaveText('sanctions');
  await expect(page.locator('.pane[data-doc-id="nagy-nguyen-2023"] .revealed-passage')).toHaveText('energy security');
  await expect(entries.nth(1)).toHaveClass(/is-current/);
  await expect(page.locator('.notice')).toContainText('Conflict 2 of 2: Hornung vs Nagy & Nguyen');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(entries.nth(0)).toHaveClass(/is-current/);
});

test('the synopsis grid has a row per topic and a column per text by date, and rows are renamed, moved, merged and made from a tag', async ({
  page,
  host,
}) => {
  const { deterrence } = await threeLinks(host);
  await open(page, host);
  await page.keyboard.press('Control+Shift+Y');
  const grid = page.locator('.synopsis-grid');
  await expect(grid.locator('thead th')).toHaveText([
    'Topic',
    'Rinna 2016',
    'Hornung 2022',
    'Nagy & Nguyen 2023',
    "O'Shea 2024",
  ]);
  const rows = grid.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The islands row: Rinna's and O'Shea's passages, each set against the other.
  const first = rows.nth(0);
  await expect(first.locator('td[data-doc="rinna-2016"] .stance')).toHaveText("conflicts with O'Shea");
  await expect(first.locator('td[data-doc="oshea-2024"] .stance')).toHaveText('conflicts with Rinna');
  await expect(first.locator('td[data-doc="hornung-2022"] .cell-passage')).toHaveCount(0);
  await expect(rows.nth(2).locator('td[data-doc="hornung-2022"] .stance')).toHaveText("agrees with O'Shea");

  // Rename (F2), then move the row down; both survive a reload.
  await first.locator('th').click();
  await page.keyboard.press('F2');
  await page.keyboard.type('The southern Kurils');
  await page.keyboard.press('Enter');
  await expect(rows.nth(0).locator('.topic-name')).toHaveText('The southern Kurils');
  await rows.nth(0).getByRole('button', { name: 'Move down' }).click();
  await expect(rows.nth(1).locator('.topic-name')).toHaveText('The southern Kurils');

  // Merge the agreement's row into the islands row.
  await rows.nth(1).locator('input[type="checkbox"]').check();
  await rows.nth(2).locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: 'Merge ticked rows' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('.topic-name')).toHaveText('The southern Kurils');
  await expect(rows.nth(1).locator('td[data-doc="oshea-2024"] .cell-passage')).toHaveCount(2);

  // A row from a tag lists every passage with the tag, per author.
  const tag = (await api<{ tags: { id: string; name: string }[] }>(host, 'getCodebook', {})).tags[0];
  await api(host, 'createAnnotation', { ...(await passage(host, 'hornung-2022', 'sanctions')), tags: [tag.id] });
  await api(host, 'updateLink', { id: deterrence.id, tags: [tag.id] });
  await page.reload();
  await expect(page.locator('.pane').first().locator('.pm-doc')).toBeVisible();
  await page.keyboard.press('Control+Shift+Y');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('.topic-name')).toHaveText('The southern Kurils');
  await page.locator('.ov-tag-row').selectOption(tag.id);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2).locator('.topic-name')).toHaveText(`#${tag.name}`);
  await expect(rows.nth(2).locator('td[data-doc="hornung-2022"] .cell-passage')).toHaveText('sanctions');
  await page.screenshot({ path: 'test-results/overview-synopsis.png' });

  // Undo takes the tag row back.
  await page.locator('.pane').first().locator('.pm-doc').click();
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(2);

  // A cell's passage is brought into view in its pane.
  await rows.nth(0).locator('td[data-doc="hornung-2022"] .cell-passage').click();
  await expect(page.locator('.pane[data-doc-id="hornung-2022"] .revealed-passage')).toHaveText('sanctions');
});

test('the agreement chart counts agreements and conflicts per pair of authors and lists a cell’s links', async ({
  page,
  host,
}) => {
  await threeLinks(host);
  await open(page, host);
  await page.keyboard.press('Control+Shift+H');
  const view = page.locator('.agreement-view');
  const agree = view.locator('.heatmap-agree');
  const conflict = view.locator('.heatmap-conflict');
  await expect(agree.locator('thead th')).toHaveText(['', 'Rinna', 'Hornung', 'Nagy & Nguyen', "O'Shea"]);
  const cell = (table: typeof agree, row: string, col: string) =>
    table.locator(`.heat-cell[data-row="${row}"][data-col="${col}"]`);
  await expect(cell(agree, 'Hornung', "O'Shea")).toHaveText('1');
  await expect(cell(agree, "O'Shea", 'Hornung')).toHaveText('1');
  await expect(cell(agree, 'Rinna', "O'Shea")).toHaveText('0');
  await expect(cell(conflict, 'Rinna', "O'Shea")).toHaveText('1');
  await expect(cell(conflict, 'Hornung', 'Nagy & Nguyen')).toHaveText('1');
  await expect(cell(conflict, 'Hornung', "O'Shea")).toHaveText('0');
  const total = async (table: typeof agree) =>
    (await table.locator('.heat-cell').allTextContents()).reduce((n, t) => n + Number(t), 0);
  expect(await total(agree)).toBe(2); // one agreement, counted in both halves of the symmetric matrix
  expect(await total(conflict)).toBe(4);

  await cell(conflict, 'Rinna', "O'Shea").click();
  await expect(view.locator('.agreement-details h3')).toHaveText("Rinna × O'Shea: 1 conflict");
  await expect(view.locator('.matrix-item .ov-note')).toHaveText('Bargaining chip or settled?');
  await page.screenshot({ path: 'test-results/overview-agreement.png' });
  await view.locator('.matrix-item').click();
  await expect(page.locator('.pane[data-doc-id="oshea-2024"] .revealed-passage')).toHaveText('Northern Territories');

  // Live: undoing the last link (the agreement) empties its cell without reopening the chart.
  await page.locator('.pane').first().locator('.pm-doc').click();
  await page.keyboard.press('Control+z');
  await expect(cell(agree, 'Hornung', "O'Shea")).toHaveText('0');
  await expect(cell(conflict, 'Rinna', "O'Shea")).toHaveText('1');
});

test('search finds a phrase in two documents, lists it with context, marks it in the panes and steps with Enter and F3', async ({
  page,
  host,
}) => {
  await open(page, host);
  await page.keyboard.press('Control+Shift+F');
  const view = page.locator('.search-view');
  await expect(view.locator('.ov-search-input')).toBeFocused();
  await page.keyboard.type('defense policy');
  const count = async (doc: string) => ((await textOf(host, doc)).match(/defense\s+policy/gi) ?? []).length;
  const [rinna, hornung] = [await count('rinna-2016'), await count('hornung-2022')];
  expect(rinna).toBeGreaterThan(0);
  expect(hornung).toBeGreaterThan(0);
  await expect(view.locator('.ov-count')).toHaveText(`${rinna + hornung} hits in 2 documents`);
  await expect(view.locator('.ov-group h3')).toHaveText([`Rinna 2016 ${rinna}`, `Hornung 2022 ${hornung}`]);
  await expect(view.locator('.search-hit-row mark').first()).toHaveText(/defense policy/i);
  await expect(view.locator('.search-hit-row').first()).toContainText(/\w+ defense policy \w+/i);
  await expect(page.locator('.pane[data-doc-id="rinna-2016"] .search-hit')).toHaveCount(rinna);
  await expect(page.locator('.pane[data-doc-id="hornung-2022"] .search-hit')).toHaveCount(hornung);

  await page.keyboard.press('Enter');
  await expect(view.locator('.search-hit-row.is-current')).toHaveAttribute('data-index', '0');
  await expect(page.locator('.pane[data-doc-id="rinna-2016"] .search-hit.is-current')).toBeInViewport();
  await page.locator('.pane').nth(2).locator('.pm-doc').click();
  await page.keyboard.press('F3');
  await expect(view.locator('.search-hit-row.is-current')).toHaveAttribute('data-index', '1');
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await expect(view.locator('.search-hit-row.is-current')).toHaveAttribute('data-index', String(rinna + hornung - 1));
  await expect(page.locator('.pane[data-doc-id="hornung-2022"] .search-hit.is-current')).toBeInViewport();

  // A concept's name finds its other forms too.
  await view.locator('.ov-search-input').fill('Northern Territories');
  await expect(view.locator('.search-hit-row .ov-badge').first()).toHaveText('concept: Kuril Islands');
  await page.screenshot({ path: 'test-results/overview-search.png' });

  // Closing the overviews takes the marks out of the panes.
  await view.locator('.ov-search-input').press('Escape');
  await expect(page.locator('.overview-dock')).toBeHidden();
  await expect(page.locator('.pm-doc .search-hit')).toHaveCount(0);
});

test('the agreement chart adds the unreviewed suggestions when asked, without reopening', async ({ page }) => {
  // Align says "related" or, on strong evidence, "conflict"; agreements are the analyst's. Unreviewed
  // suggested relations of both kinds (as an earlier workspace may hold) are seeded here.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  const workspace = join(dir, 'workspace.json');
  const { store } = await openWorkspace(workspace, 'browser');
  const side = (doc: string, phrase: string) => {
    const record = store.data.documents.find((d) => d.id === doc)!;
    const start = recordText(record).indexOf(phrase);
    if (start < 0) throw new Error(`no "${phrase}" in ${doc}`);
    return { doc, start, end: start + phrase.length, text: phrase, revision: record.revision };
  };
  const suggestion = (
    id: string,
    relation: 'agree' | 'conflict',
    a: ReturnType<typeof side>,
    b: ReturnType<typeof side>,
  ) => ({
    id,
    relation,
    score: 0.5,
    confidence: 0.5,
    a,
    b,
    evidence: [],
    status: 'suggested' as const,
  });
  await store.update((data) => {
    data.suggestions = [
      suggestion('sg-1', 'agree', side('nagy-nguyen-2023', 'sanctions'), side('oshea-2024', 'sanctions')),
      suggestion('sg-2', 'agree', side('nagy-nguyen-2023', 'Ukraine'), side('oshea-2024', 'Ukraine')),
      suggestion('sg-3', 'conflict', side('rinna-2016', 'Russia'), side('hornung-2022', 'Russia')),
    ];
  });
  await store.close();
  const host = await startHost(workspace);
  try {
    await open(page, host);
    await page.keyboard.press('Control+Shift+H');
    const agree = page.locator('.heatmap-agree');
    const conflict = page.locator('.heatmap-conflict');
    const cell = (table: typeof agree, row: string, col: string) =>
      table.locator(`.heat-cell[data-row="${row}"][data-col="${col}"]`);
    // Links only, until asked.
    await expect(cell(agree, 'Nagy & Nguyen', "O'Shea")).toHaveText('0');
    await expect(cell(conflict, 'Rinna', 'Hornung')).toHaveText('0');
    await page.locator('.ov-include-suggestions').check();
    await expect(cell(agree, 'Nagy & Nguyen', "O'Shea")).toHaveText('2');
    await expect(cell(agree, "O'Shea", 'Nagy & Nguyen')).toHaveText('2');
    await expect(cell(conflict, 'Rinna', 'Hornung')).toHaveText('1');
    await expect(cell(agree, 'Rinna', 'Hornung')).toHaveText('0');
    await cell(agree, 'Nagy & Nguyen', "O'Shea").click();
    await expect(page.locator('.agreement-details h3')).toHaveText("Nagy & Nguyen × O'Shea: 2 agreements");
    await expect(page.locator('.matrix-item .badge-unreviewed')).toHaveCount(2);
  } finally {
    host.process.kill('SIGTERM');
    await new Promise((r) => host.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
