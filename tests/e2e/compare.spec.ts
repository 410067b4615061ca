import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { align, callHost, makeLink } from './api';
import { quoteBox } from './passages';

// Browser globals, used only inside functions that run in the page.
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;
declare const NodeFilter: any;

const COLLAPSED = 'these economic relations have largely collapsed';
const KEEPS_BUYING = 'Tokyo continues to buy Russian oil, coal, and LNG';
const BLUE_BOOK = 'describes now the four islands as “illegally occupied by Russia”';
const UNSOLVED = 'Russia and Japan have not solved their disputes over the Northern Territories/Kuril Islands';
const DOMINATED = 'This territorial dispute dominated Russo-Japanese relations';

/** The curves drawn for a link: which panes each joins and its end points (y) on each side. */
function curvesOf(page: Page, linkId: string, kind = 'link') {
  return page.evaluate(
    ([id, kind]) =>
      (document.querySelector('.connectors').curves as any[])
        .filter((c) => c.id === id && c.kind === kind)
        .map((c) => ({
          panes: (c.panes as string[]).join(' '),
          y: c.y as (number | null)[],
          x: c.x as number[],
          relation: c.relation as string,
          toward: (c.toward as string | undefined) ?? null,
        })),
    [linkId, kind],
  );
}

/** Every curve drawn, of any link. */
function allCurves(page: Page): Promise<{ relation: string; kind: string }[]> {
  return page.evaluate(() => document.querySelector('.connectors').curves);
}

/** The link marks an overview ruler paints: relation and top (share of the ruler's height). */
function linkMarks(page: Page, pane: number): Promise<{ relation: string; top: number }[]> {
  return page
    .locator('.pane')
    .nth(pane)
    .locator('.ruler')
    .evaluate((el: any) =>
      (el.marks as any[]).filter((m) => m.lane === 'link').map((m) => ({ relation: m.relation, top: m.top })),
    );
}

/** The colour (r, g, b) painted on a ruler's canvas at a point (CSS pixels from the ruler's corner). */
function pixelAt(page: Page, pane: number, x: number, y: number): Promise<number[]> {
  return page
    .locator('.pane')
    .nth(pane)
    .locator('.ruler-marks')
    .evaluate(
      (canvas: any, [x, y]) => {
        const dpr = window.devicePixelRatio || 1;
        const box = canvas.getBoundingClientRect();
        const ruler = canvas.parentElement.getBoundingClientRect();
        const px = Math.round((x - (box.left - ruler.left)) * dpr);
        const py = Math.round((y - (box.top - ruler.top)) * dpr);
        return Array.from(canvas.getContext('2d').getImageData(px, py, 1, 1).data as number[]).slice(0, 3);
      },
      [x, y],
    );
}

async function paneIds(page: Page): Promise<string[]> {
  return page.locator('.pane').evaluateAll((els) => els.map((e) => (e as any).dataset.paneId as string));
}

async function scrollPane(page: Page, pane: number, by: number): Promise<void> {
  await page
    .locator('.pane-body')
    .nth(pane)
    .evaluate((el, by) => (el.scrollTop += by), by);
}

test('connector curves join the linked passages of adjacent panes, follow a scroll and select their link', async ({
  page,
  host,
}) => {
  const conflict = await makeLink(host, 'conflict', [
    ['hornung-2022', COLLAPSED],
    ['nagy-nguyen-2023', KEEPS_BUYING],
  ]);
  const agree = await makeLink(host, 'agree', [
    ['hornung-2022', BLUE_BOOK],
    ['nagy-nguyen-2023', UNSOLVED],
    ['oshea-2024', DOMINATED],
  ]);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const ids = await paneIds(page);
  // Both passages out of view: no curve for the conflict.
  await expect.poll(async () => (await curvesOf(page, conflict.id)).length).toBe(0);

  // Both ends of the conflict in view: one curve, from Hornung's pane to Nagy's, ending beside each passage.
  await quoteBox(page, 1, COLLAPSED, true);
  await quoteBox(page, 2, KEEPS_BUYING, true);
  // Until the next frame redraws, the curve may still be the half-curve drawn when only Hornung's end was in view.
  await expect.poll(async () => (await curvesOf(page, conflict.id)).map((c) => c.toward ?? 'both')).toEqual(['both']);
  let left = await quoteBox(page, 1, COLLAPSED);
  let right = await quoteBox(page, 2, KEEPS_BUYING);
  let [curve] = await curvesOf(page, conflict.id);
  expect(curve.panes).toBe(`${ids[1]} ${ids[2]}`);
  expect(curve.toward).toBeNull();
  expect(curve.y[0]).toBeGreaterThanOrEqual(left.top - 1);
  expect(curve.y[0]).toBeLessThanOrEqual(left.bottom + 1);
  expect(curve.y[1]).toBeGreaterThanOrEqual(right.top - 1);
  expect(curve.y[1]).toBeLessThanOrEqual(right.bottom + 1);
  expect(curve.relation).toBe('conflict');
  expect((await allCurves(page)).filter((c) => c.relation === 'conflict')).toHaveLength(1);

  // Scrolling Nagy's pane moves the right end with the passage.
  await scrollPane(page, 2, 60);
  await expect.poll(async () => (await curvesOf(page, conflict.id))[0]?.y[1]).toBeCloseTo(curve.y[1]! - 60, 0);
  right = await quoteBox(page, 2, KEEPS_BUYING);
  [curve] = await curvesOf(page, conflict.id);
  expect(curve.y[1]).toBeGreaterThanOrEqual(right.top - 1);
  expect(curve.y[1]).toBeLessThanOrEqual(right.bottom + 1);

  // Scrolled far up, Nagy's passage is below the view: a half-curve points down to it.
  await page
    .locator('.pane-body')
    .nth(2)
    .evaluate((el) => (el.scrollTop = 0));
  await expect.poll(async () => (await curvesOf(page, conflict.id))[0]?.toward).toBe('down');
  expect((await curvesOf(page, conflict.id))[0].y[1]).toBeNull();
  await page.screenshot({ path: 'test-results/curves-half.png' });

  // The three-text agreement: one curve per pair of adjacent panes (Hornung–Nagy, Nagy–O'Shea).
  await quoteBox(page, 1, BLUE_BOOK, true);
  await quoteBox(page, 2, UNSOLVED, true);
  await quoteBox(page, 3, DOMINATED, true);
  await expect
    .poll(async () => (await curvesOf(page, agree.id)).map((c) => c.panes).sort())
    .toEqual([`${ids[1]} ${ids[2]}`, `${ids[2]} ${ids[3]}`].sort());
  await page.screenshot({ path: 'test-results/curves.png' });

  // Clicking a curve selects its link: its passages come into view in every pane.
  await scrollPane(page, 3, 2000);
  await expect
    .poll(async () => (await curvesOf(page, agree.id)).find((c) => c.panes.endsWith(ids[3]))?.toward)
    .toBe('up');
  // The middle of a curve lies halfway across the gap, halfway between its ends.
  const full = (await curvesOf(page, agree.id)).find((c) => c.panes === `${ids[1]} ${ids[2]}`)!;
  await page.mouse.click((full.x[0] + full.x[1]) / 2, (full.y[0]! + full.y[1]!) / 2);
  await expect.poll(async () => (await curvesOf(page, agree.id)).filter((c) => c.toward === null).length).toBe(2);
  const oshea = await quoteBox(page, 3, DOMINATED);
  const body = (await page.locator('.pane-body').nth(3).boundingBox())!;
  expect(oshea.top).toBeGreaterThan(body.y);
  expect(oshea.bottom).toBeLessThan(body.y + body.height);
});

test('the overview ruler marks a pane’s links and jumps to one when clicked', async ({ page, host }) => {
  await makeLink(host, 'conflict', [
    ['hornung-2022', COLLAPSED],
    ['nagy-nguyen-2023', KEEPS_BUYING],
  ]);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const ruler = page.locator('.pane').nth(2).locator('.ruler');
  await expect.poll(() => linkMarks(page, 2)).toEqual([{ relation: 'conflict', top: expect.any(Number) }]);
  expect(await linkMarks(page, 0)).toEqual([]);
  const [painted] = await linkMarks(page, 2);
  const rulerBox0 = (await ruler.boundingBox())!;
  const markBox = { x: rulerBox0.x + 4, y: rulerBox0.y + painted.top * rulerBox0.height, width: 4 };
  // The mark is painted where the ruler says: the link lane's colour at that row.
  expect(await pixelAt(page, 2, markBox.x + 2 - rulerBox0.x, markBox.y + 1 - rulerBox0.y)).toEqual([163, 58, 42]);
  await ruler.hover({ position: { x: 6, y: markBox.y + 1 - rulerBox0.y } });
  await expect(ruler).toHaveAttribute('title', /Conflicts: “/);
  const before = await quoteBox(page, 2, KEEPS_BUYING);
  const body = (await page.locator('.pane-body').nth(2).boundingBox())!;
  expect(before.top).toBeGreaterThan(body.y + body.height); // out of view below
  await page.mouse.click(markBox.x + markBox.width / 2, markBox.y + 1);
  await expect
    .poll(async () => {
      const now = await quoteBox(page, 2, KEEPS_BUYING);
      return now.top > body.y && now.bottom < body.y + body.height;
    })
    .toBe(true);
  // The thumb shows the part of the text in view, which is now down the text (from the next frame).
  await expect
    .poll(async () => {
      const thumb = (await ruler.locator('.ruler-thumb').boundingBox())!;
      return thumb.y - (markBox.y - thumb.height);
    })
    .toBeGreaterThan(0);

  // Clicking where there is no mark scrolls to that part of the text.
  const rulerBox = (await ruler.boundingBox())!;
  await page.mouse.click(rulerBox.x + 2, rulerBox.y + 2);
  await expect
    .poll(() =>
      page
        .locator('.pane-body')
        .nth(2)
        .evaluate((el) => el.scrollTop),
    )
    .toBe(0);
});

test('at 1000 px four panes each show at least 200 px of text that nothing covers, and nothing scrolls sideways', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const layout = () =>
    page.evaluate(() => {
      const panes = Array.from(document.querySelectorAll('.pane')).map((pane: any) => {
        const doc = pane.querySelector('.pm-doc')!;
        const box = doc.getBoundingClientRect();
        const style = getComputedStyle(doc);
        const textWidth = doc.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const left = box.left + parseFloat(style.paddingLeft);
        // What is on top at points along the text's left and right edges, a third of the way down.
        const y = box.top + 200;
        const covered = [left + 1, left + textWidth - 1].some((x) => {
          const el = document.elementFromPoint(x, y);
          return !el || !doc.contains(el);
        });
        const header = pane.querySelector('.pane-header')!.getBoundingClientRect();
        const controls = Array.from(pane.querySelectorAll('.pane-controls > button, .pane-controls > select')).map(
          (c: any) => c.getBoundingClientRect(),
        );
        return {
          textWidth,
          inWindow: box.left >= 0 && box.right <= window.innerWidth,
          covered,
          controlsInside: controls.every((c) => c.left >= header.left && c.right <= header.right && c.width > 0),
        };
      });
      const root = document.scrollingElement!;
      const row = document.querySelector('.panes')!;
      return {
        panes,
        pageScrollsSideways: root.scrollWidth > root.clientWidth,
        rowScrollsSideways: row.scrollWidth > row.clientWidth,
        panelShown: !document.querySelector('.side-panel')!.hidden,
      };
    });
  const narrow = await layout();
  for (const pane of narrow.panes) {
    expect(pane.textWidth).toBeGreaterThanOrEqual(200);
    expect(pane.inWindow).toBe(true);
    expect(pane.covered).toBe(false);
    expect(pane.controlsInside).toBe(true);
  }
  expect(narrow.pageScrollsSideways).toBe(false);
  expect(narrow.rowScrollsSideways).toBe(false);
  expect(narrow.panelShown).toBe(false); // collapsed to make room
  await expect(page.getByRole('button', { name: 'Annotations' })).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: 'test-results/layout-1000.png' });

  // Opening the panel is the analyst's choice: it lies over the panes, which keep their width.
  await page.getByRole('button', { name: 'Annotations' }).click();
  const overlaid = await layout();
  expect(overlaid.panelShown).toBe(true);
  expect(overlaid.panes.map((p) => p.textWidth)).toEqual(narrow.panes.map((p) => p.textWidth));
  expect(overlaid.pageScrollsSideways).toBe(false);
  await page.getByRole('button', { name: 'Annotations' }).click();

  // A wide window docks the panel again beside the panes.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect(page.locator('.side-panel')).toBeVisible();
  const wide = await layout();
  for (const pane of wide.panes) {
    expect(pane.textWidth).toBeGreaterThanOrEqual(200);
    expect(pane.covered).toBe(false);
    expect(pane.controlsInside).toBe(true);
  }
  expect(wide.pageScrollsSideways).toBe(false);
  await page.screenshot({ path: 'test-results/layout-1600.png' });
});

const SANCTIONS =
  'In addition to sanctions, Japan also immediately provided non-lethal military assistance to Ukraine.';
const NON_LETHAL = 'by having sent non-lethal aid to Ukraine';

test('the counterparts panel lists the other texts’ closest passages, opens one beside and links it by key', async ({
  page,
  host,
}) => {
  await align(host);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  // Hornung is not open: close its pane (Rinna, Nagy & Nguyen, O'Shea remain).
  await page.locator('.pane').nth(1).getByRole('button', { name: 'Close pane' }).click();
  await expect(page.locator('.pane')).toHaveCount(3);
  await page.keyboard.press('Control+Alt+KeyC');
  const panel = page.getByRole('complementary', { name: 'Counterparts in the other texts' });
  await expect(panel).toBeVisible();

  // The cursor in a passage of Nagy & Nguyen: Hornung's counterpart is listed, in its context.
  const at = await quoteBox(page, 1, SANCTIONS, true);
  await page.mouse.click(at.left + 30, (at.top + at.bottom) / 2);
  const column = panel.locator('.cp-doc[data-doc="hornung-2022"]');
  await expect(column).toContainText('not open');
  const match = column.locator('.cp-match').filter({ has: page.locator('mark', { hasText: NON_LETHAL }) });
  await expect(match).toBeVisible();
  await expect(match.locator('.cp-relation')).toHaveText(/agrees|conflicts|related/);
  await expect(match.locator('.cp-meta')).toContainText(/similarity 0\.\d\d/);
  // The sentence that matched is marked; text around it (before, after or both) is its context.
  await expect(match.locator('mark')).toHaveCount(1);
  await expect
    .poll(async () => (await match.locator('.cp-context').allTextContents()).join('').trim().length)
    .toBeGreaterThan(0);
  await expect(panel.locator('.cp-passage')).toContainText('Nagy');
  await page.screenshot({ path: 'test-results/counterparts.png' });

  // Open beside: a new pane after the one being read, which stays as it was.
  await match.getByRole('button', { name: 'Open beside' }).click();
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect(page.locator('.pane').nth(1).locator('.pane-title')).toHaveText(/Deterrence, resilience/);
  await expect(page.locator('.pane').nth(2).locator('.pane-title')).toHaveText(
    'The impact on Japanese-Russian relations',
  );
  await expect
    .poll(async () => {
      const box = await quoteBox(page, 2, NON_LETHAL);
      const body = (await page.locator('.pane-body').nth(2).boundingBox())!;
      return box.top >= body.y && box.bottom <= body.y + body.height;
    })
    .toBe(true);
  await expect(column).toContainText('in a pane');

  // One key makes it a link (2: conflict), drawn as a curve between the two adjacent panes.
  await column
    .locator('.cp-match')
    .filter({ has: page.locator('mark', { hasText: NON_LETHAL }) })
    .focus();
  await page.keyboard.press('2');
  await expect(column.locator('.cp-match.is-linked')).toHaveCount(1);
  const { links } = await callHost<{ links: { relation: string; ends: { doc: string }[] }[] }>(host, 'listLinks', {});
  expect(links).toHaveLength(1);
  expect(links[0].relation).toBe('conflict');
  expect(links[0].ends.map((e) => e.doc).sort()).toEqual(['hornung-2022', 'nagy-nguyen-2023']);
  await quoteBox(page, 1, SANCTIONS, true);
  await quoteBox(page, 2, NON_LETHAL, true);
  await expect
    .poll(async () => (await allCurves(page)).filter((c) => c.kind === 'link' && c.relation === 'conflict').length)
    .toBe(1);
  await page.screenshot({ path: 'test-results/counterparts-linked.png' });
});

test('clicking a linked passage brings its partner level; In step keeps panes aligned while scrolling', async ({
  page,
  host,
}) => {
  await makeLink(host, 'agree', [
    ['hornung-2022', BLUE_BOOK],
    ['nagy-nguyen-2023', UNSOLVED],
  ]);
  await makeLink(host, 'conflict', [
    ['hornung-2022', COLLAPSED],
    ['nagy-nguyen-2023', KEEPS_BUYING],
  ]);
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const blue = await quoteBox(page, 1, BLUE_BOOK, true);
  await page.mouse.click(blue.left + 20, (blue.top + blue.bottom) / 2);
  await expect
    .poll(async () => Math.abs((await quoteBox(page, 2, UNSOLVED)).top - (await quoteBox(page, 1, BLUE_BOOK)).top))
    .toBeLessThan(4);

  // In step (Ctrl+Alt+S): scrolling Hornung's pane to its other linked passage brings Nagy's along.
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('button', { name: 'In step' })).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 2; i++) await quoteBox(page, 1, COLLAPSED, true);
  await expect
    .poll(async () => {
      const mine = await quoteBox(page, 1, COLLAPSED);
      const theirs = await quoteBox(page, 2, KEEPS_BUYING);
      return Math.abs((mine.top + mine.bottom) / 2 - (theirs.top + theirs.bottom) / 2);
    })
    .toBeLessThan(120);
  // Off again: the other pane stays where it is.
  await page.getByRole('button', { name: 'In step' }).click();
  const before = await page
    .locator('.pane-body')
    .nth(2)
    .evaluate((el) => el.scrollTop);
  await scrollPane(page, 1, 300);
  await page.waitForTimeout(100);
  expect(
    await page
      .locator('.pane-body')
      .nth(2)
      .evaluate((el) => el.scrollTop),
  ).toBe(before);
});
