import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHost } from './fixtures';
import { quoteBox } from './passages';

const SANCTIONS =
  'In addition to sanctions, Japan also immediately provided non-lethal military assistance to Ukraine.';

// The one end-to-end run of the sentence encoder: a host that embeds the samples' passages
// in the background (the other tests' hosts rank by words only).
test('the counterparts panel counts along while meaning is added, then ranks by words and meaning without the cursor moving', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  const host = await startHost(join(dir, 'workspace.json'), { embeddings: true });
  try {
    await page.goto(host.url);
    await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
    await page.keyboard.press('Control+Alt+KeyC');
    const panel = page.getByRole('complementary', { name: 'Counterparts in the other texts' });
    await expect(panel).toBeVisible();
    const at = await quoteBox(page, 2, SANCTIONS, true);
    await page.mouse.click(at.left + 30, (at.top + at.bottom) / 2);
    await expect(panel.locator('.cp-passage')).toContainText('Nagy');
    const status = panel.locator('.cp-status');
    // The encoder may take a while to start on a busy machine: until then, "ranked by words".
    await expect(status).toHaveText(/ranked by words; adding meaning \(\d+ of \d+\)|ranked by words and meaning/, {
      timeout: 60_000,
    });
    const counts: string[] = [];
    await expect
      .poll(
        async () => {
          const text = (await status.textContent()) ?? '';
          if (counts.at(-1) !== text) counts.push(text);
          return text;
        },
        { timeout: 150_000, intervals: [250] },
      )
      .toBe('ranked by words and meaning');
    // While it was adding meaning, the count went up on its own (events, not a cursor move).
    const done = counts
      .map((t) => /\((\d+) of/.exec(t)?.[1])
      .filter(Boolean)
      .map(Number);
    if (done.length > 1) expect(done.at(-1)!).toBeGreaterThan(done[0]);
    await expect(panel.locator('.cp-doc[data-doc="hornung-2022"] .cp-match').first()).toBeVisible();
    await expect(panel.locator('.cp-match .cp-meta').first()).toContainText(/similarity 0\.\d\d/);
    await page.screenshot({ path: 'test-results/counterparts-meaning.png' });
  } finally {
    host.process.kill('SIGTERM');
    await new Promise((r) => host.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
