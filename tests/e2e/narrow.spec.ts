import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { align } from './api';

// Browser globals, used only inside functions that run in the page.
declare const document: any;
declare const window: any;
declare const CSS: any;

/** The visible toolbar controls: their tops and whether each lies inside the window. */
function toolbarRow(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.toolbar');
    const items = Array.from(bar.children as any[])
      .map((el: any) => el.getBoundingClientRect())
      .filter((r: any) => r.width > 0);
    return {
      height: bar.getBoundingClientRect().height,
      tops: items.map((r: any) => Math.round(r.top + r.height / 2)),
      inside: items.every((r: any) => r.left >= 0 && r.right <= window.innerWidth),
      sideways: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
    };
  });
}

test('from 1000 to 1600 px the toolbar keeps every control in one row, the legend and an Align run included, and the side panel its tabs', async ({
  page,
  host,
}) => {
  await align(host); // the legend's chips show
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await expect(page.locator('.legend')).toBeVisible();
  for (const width of [1000, 1100, 1280, 1366, 1440, 1600]) {
    await page.setViewportSize({ width, height: 800 });
    const row = await toolbarRow(page);
    // One row: every control's middle at the same height, nothing outside the window.
    expect(Math.max(...row.tops) - Math.min(...row.tops), `at ${width} px`).toBeLessThanOrEqual(2);
    expect(row.inside, `at ${width} px`).toBe(true);
    expect(row.sideways, `at ${width} px`).toBe(false);
  }
  // Short labels in a narrow window keep the controls' names and the save state's words.
  await page.setViewportSize({ width: 1000, height: 800 });
  const addPane = page.getByRole('button', { name: 'Add pane' });
  expect(await addPane.evaluate((b: any) => b.innerText)).toBe('+ Pane');
  await expect(page.locator('.save-indicator')).toHaveText('All changes saved');
  await page.screenshot({ path: 'test-results/toolbar-1000.png', clip: { x: 0, y: 0, width: 1000, height: 140 } });
  await page.setViewportSize({ width: 1600, height: 800 });
  expect(await addPane.evaluate((b: any) => b.innerText)).toBe('+ Add pane');
  await page.setViewportSize({ width: 1000, height: 800 });

  // While Align runs, its stage and progress take the legend's place in the same row
  // (the run is held at its end, before its suggestions are read, to look at the toolbar then).
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listSuggestions', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Align' }).click();
  await expect(page.locator('.align-progress')).toBeVisible();
  await expect(page.locator('.align-status')).toHaveText(/…$/);
  await expect(page.locator('.legend')).toBeHidden();
  const running = await toolbarRow(page);
  expect(Math.max(...running.tops) - Math.min(...running.tops)).toBeLessThanOrEqual(2);
  release();
  await expect(page.locator('.notice').filter({ hasText: 'Align found' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.legend')).toBeVisible();

  // A save that fails keeps to the row too: "⚠ Not saved" shows, its words stay for screen readers.
  await page.evaluate(() => {
    const indicator = document.querySelector('.save-indicator');
    indicator.dataset.state = 'failed';
    indicator.textContent = 'Not saved — retrying';
  });
  const failing = await toolbarRow(page);
  expect(Math.max(...failing.tops) - Math.min(...failing.tops)).toBeLessThanOrEqual(2);
  await page.locator('.toolbar').screenshot({ path: 'test-results/toolbar-1000-not-saved.png' });

  // The side panel, opened over the panes, shows its five tabs in one row.
  await page.getByRole('button', { name: 'Annotations' }).click();
  const tabTops = await page
    .locator('.panel-tabs > [role="tab"]')
    .evaluateAll((tabs) => tabs.map((t: any) => Math.round(t.getBoundingClientRect().top)));
  expect(tabTops.length).toBe(5);
  expect(new Set(tabTops).size).toBe(1);
});

test('at 1000 × 800 with the overviews open, the suggestion card sits beside its passage, not over it', async ({
  page,
  host,
}) => {
  await align(host);
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  await page.getByRole('button', { name: 'Overviews' }).click();
  await expect(page.locator('.overview-dock')).toBeVisible();
  await page
    .locator('.pane')
    .nth(1)
    .locator('.pm-doc p')
    .nth(3)
    .click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('Escape');
  for (let step = 0; step < 3; step++) {
    await page.keyboard.press('F8');
    const card = page.locator('.suggestion-card');
    await expect(card).toBeVisible();
    const overlap = await page.evaluate(() => {
      const card = document.querySelector('.suggestion-card').getBoundingClientRect();
      const id = document.querySelector('.suggestion-card').dataset.suggestion;
      const body = document.querySelectorAll('.pane')[1].querySelector('.pane-body').getBoundingClientRect();
      const marks = Array.from(document.querySelectorAll('.pane')[1].querySelectorAll(`.sg-id-${CSS.escape(id)}`))
        .map((el: any) => el.getBoundingClientRect())
        .filter((r: any) => r.bottom > body.top && r.top < body.bottom && r.width > 0);
      const all = Array.from(document.querySelectorAll('.pane')[1].querySelectorAll(`.sg-id-${CSS.escape(id)}`))
        .map((el: any) => el.getBoundingClientRect())
        .filter((r: any) => r.width > 0);
      const top = Math.min(...all.map((r: any) => r.top));
      const bottom = Math.max(...all.map((r: any) => r.bottom));
      return {
        // A passage that fits the pane is shown whole, not cut by its edge.
        whole: bottom - top > 0.8 * body.height || (top >= body.top - 1 && bottom <= body.bottom + 1),
        visibleMarks: marks.length,
        covered: marks.filter(
          (r: any) => r.left < card.right && card.left < r.right && r.top < card.bottom && card.top < r.bottom,
        ).length,
        inside: card.left >= 0 && card.top >= 0 && card.right <= window.innerWidth && card.bottom <= window.innerHeight,
      };
    });
    expect(overlap.visibleMarks).toBeGreaterThan(0);
    expect(overlap.covered).toBe(0);
    expect(overlap.whole).toBe(true);
    expect(overlap.inside).toBe(true);
    if (step === 0) await page.screenshot({ path: 'test-results/card-beside-1000.png' });
    await page.keyboard.press('Escape');
    await page.locator('.pane').nth(1).locator('.pane-body').focus();
  }
});
