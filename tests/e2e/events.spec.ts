import type { Page } from '@playwright/test';
import { test, expect, type Host } from './fixtures';
import { countRequests } from './requests';

/** What of the page's DOM the recorder uses (the tests are type-checked without the DOM library). */
interface PageGlobals {
  document: { querySelector(s: string): { textContent: string | null; getBoundingClientRect(): { width: number } } };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  [key: string]: unknown;
}

/** Records every text an element shows, as the page shows it, and its width each time. */
async function recordTexts(page: Page, selector: string, key: string): Promise<void> {
  await page.evaluate(
    ({ selector, key }) => {
      const g = globalThis as unknown as PageGlobals;
      const el = g.document.querySelector(selector);
      const seen: string[] = [el.textContent ?? ''];
      const widths = [el.getBoundingClientRect().width];
      g[key] = seen;
      g[`${key}Widths`] = widths;
      new g.MutationObserver(() => {
        if (seen.at(-1) !== el.textContent) seen.push(el.textContent ?? '');
        widths.push(el.getBoundingClientRect().width);
      }).observe(el, { childList: true, characterData: true, subtree: true });
    },
    { selector, key },
  );
}

const texts = (page: Page, key: string): Promise<string[]> =>
  page.evaluate((key) => (globalThis as unknown as Record<string, string[]>)[key], key);

/** A change made outside this page (another window, a script): the host's API, with the token. */
async function createTagElsewhere(host: Host, name: string): Promise<void> {
  const response = await fetch(`${host.origin}/api/createTag`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(200);
}

test('the save indicator follows the store by events: no polling while idle, Saving… then saved on a change', async ({
  page,
  host,
}) => {
  const requests = countRequests(page);
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  const indicator = page.locator('.save-indicator');
  await expect(indicator).toHaveText('All changes saved');
  await expect.poll(() => requests.get('/events') ?? 0).toBe(1);
  // The state is read when the workspace loads and when the event stream opens; then never again.
  await expect.poll(() => requests.get('/api/getStoreStatus') ?? 0).toBeGreaterThanOrEqual(2);
  await recordTexts(page, '.save-indicator', 'indicatorTexts');
  const asked = requests.get('/api/getStoreStatus') ?? 0;
  await page.waitForTimeout(5000);
  expect(requests.get('/api/getStoreStatus') ?? 0).toBe(asked);

  // A change written by the host is shown as it happens, without the page asking.
  await createTagElsewhere(host, 'Energy security');
  await expect.poll(() => texts(page, 'indicatorTexts')).toEqual(['All changes saved', 'Saving…', 'All changes saved']);
  await expect(indicator).toHaveAttribute('title', /^Last saved /);
  // Saving… takes the room of "All changes saved": the toolbar does not jump at every write.
  expect(new Set(await texts(page, 'indicatorTextsWidths')).size).toBe(1);
  expect(requests.get('/api/getStoreStatus') ?? 0).toBe(asked);
  await page.screenshot({ path: 'test-results/events-save-indicator.png' });
});

test('Align progress arrives as events and reaches done; another window’s Align run shows up here too', async ({
  page,
  context,
  host,
}) => {
  // Two Align runs; on a loaded machine (another test's encoder running beside) each can take tens of seconds.
  test.setTimeout(150_000);
  const requests = countRequests(page);
  await page.goto(host.url);
  await expect(page.locator('.pane')).toHaveCount(4);
  await expect.poll(() => requests.get('/events') ?? 0).toBe(1);
  await recordTexts(page, '.align-status', 'stageTexts');
  const started = Date.now();
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.notice')).toContainText(/Align found \d+ suggestions/, { timeout: 60_000 });
  const elapsed = Date.now() - started;
  const stages = await texts(page, 'stageTexts');
  // Each stage was shown on its way to done, in order, and the bar is gone once it is.
  expect(stages.filter((t) => t.endsWith('…'))).toEqual(
    expect.arrayContaining(['Reading passages…', 'Weighing relations…', 'Saving suggestions…']),
  );
  expect(stages.at(-1)).toBe('');
  await expect(page.locator('.align-progress')).toBeHidden();
  expect(await page.locator('.pm-doc .sg').count()).toBeGreaterThan(20);
  // The run is read once when following starts, and again only after 5 s without news
  // (asking every 150 ms, as polling did, would be dozens of requests).
  expect(requests.get('/api/getAlignJob') ?? 0).toBeLessThanOrEqual(1 + Math.floor(elapsed / 5000));

  // A second window runs Align; this one is told that the suggestions changed and redraws them.
  const other = await context.newPage();
  await other.goto(host.url);
  await expect(other.locator('.pane')).toHaveCount(4);
  await other.getByRole('button', { name: 'Align' }).click();
  const listed = requests.get('/api/listSuggestions') ?? 0;
  await expect(other.locator('.notice')).toContainText(/Align found \d+ suggestions/, { timeout: 60_000 });
  await expect.poll(() => requests.get('/api/listSuggestions') ?? 0).toBe(listed + 1);
  await other.close();
});
