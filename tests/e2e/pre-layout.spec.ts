import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/* eslint-disable @typescript-eslint/no-explicit-any -- page code: the tests' TypeScript has no DOM types */

/** The first block of a pane's text that starts inside its view: its opening words and its distance from the view's top. */
function firstVisibleLine(page: Page, pane: number): Promise<{ text: string; offset: number; scrollTop: number }> {
  return page.evaluate((pane) => {
    const body = (globalThis as any).document.querySelectorAll('.pane-body')[pane];
    const top = body.getBoundingClientRect().top;
    const blocks = Array.from(body.querySelector('.pm-doc').children) as any[];
    const block = blocks.find((b) => b.getBoundingClientRect().top >= top);
    return {
      text: String(block.textContent).slice(0, 60),
      offset: block.getBoundingClientRect().top - top,
      scrollTop: body.scrollTop,
    };
  }, pane);
}

test('a pane scrolled to the middle keeps its first visible line while the text is laid out ahead in idle time', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const pane = page.locator('.pane').nth(2); // the longest sample
  await expect(pane.locator('.pm-doc')).toContainText('a mixture of engagement, resilience, and deterrence');
  // Straight to the middle, before the pane has been idle: the blocks above have never been laid out.
  await page.evaluate(async () => {
    const g = globalThis as any;
    const body = g.document.querySelectorAll('.pane-body')[2];
    body.scrollTop = body.scrollHeight / 2;
    g.textChanges = 0;
    new g.MutationObserver((records: unknown[]) => (g.textChanges += records.length)).observe(
      body.querySelector('.pm-doc'),
      { subtree: true, childList: true, attributes: true, characterData: true },
    );
    // The blocks now in view are drawn in the next frame.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => g.requestAnimationFrame(resolve));
  });
  const before = await firstVisibleLine(page, 2);
  expect(before.text.length).toBeGreaterThan(10);
  await expect(pane).toHaveAttribute('data-laid-out', 'all');
  const after = await firstVisibleLine(page, 2);
  // The same line at the same place, although the blocks above it changed height…
  expect(after.text).toBe(before.text);
  expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(1);
  expect(after.scrollTop).not.toBe(before.scrollTop);
  // …and every block is now laid out, without the editor's DOM being touched.
  const blocks = pane.locator('.pm-doc > *');
  const laidOut = await blocks.evaluateAll(
    (els) => els.filter((b) => (globalThis as any).getComputedStyle(b).contentVisibility === 'visible').length,
  );
  expect(laidOut).toBe(await blocks.count());
  expect(await page.evaluate(() => (globalThis as any).textChanges)).toBe(0);
  await pane.screenshot({ path: 'test-results/pre-layout-pane.png' });
});

test('editing a text stops laying it out ahead (typing stays fast); it resumes when editing ends', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const pane = page.locator('.pane').nth(2);
  await expect(pane).toHaveAttribute('data-laid-out', 'all');
  const lastBlock = pane.locator('.pm-doc > *').last();
  const visibility = () => lastBlock.evaluate((b) => (globalThis as any).getComputedStyle(b).contentVisibility);
  expect(await visibility()).toBe('visible');
  await pane.getByRole('button', { name: 'Edit' }).click();
  await expect(pane).toHaveAttribute('data-laid-out', 'pending');
  expect(await visibility()).toBe('auto');
  await pane.getByRole('button', { name: 'Done' }).click();
  await expect(pane).toHaveAttribute('data-laid-out', 'all');
  expect(await visibility()).toBe('visible');
});
