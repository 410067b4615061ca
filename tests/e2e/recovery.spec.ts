import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startHost, test } from './fixtures';

async function stop(host: Awaited<ReturnType<typeof startHost>>): Promise<void> {
  host.process.kill('SIGTERM');
  await new Promise((r) => host.process.once('exit', r));
}

test('a damaged workspace opens from its newest good backup, and the analyst is told so', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-recovery-'));
  const workspace = join(dir, 'workspace.json');
  // A first run writes the workspace; its state becomes a backup, then the file is damaged.
  await stop(await startHost(workspace));
  const good = JSON.parse(readFileSync(workspace, 'utf8')) as { name: string };
  good.name = 'From the backup';
  mkdirSync(`${workspace}.backups`);
  writeFileSync(join(`${workspace}.backups`, 'workspace-2026-01-01T09-30-00-000Z.json'), JSON.stringify(good));
  writeFileSync(workspace, '{"schemaVersion": 3, "name": "half-writ');
  const host = await startHost(workspace);
  try {
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.goto(host.url);
    await expect(page.locator('.pane')).not.toHaveCount(0);
    const notice = page.locator('.notice-error');
    await expect(notice).toContainText('could not be read');
    await expect(notice).toContainText('workspace-2026-01-01T09-30-00-000Z.json');
    await expect(notice).toContainText('workspace.json.damaged-');
    await page.screenshot({ path: 'test-results/recovered-workspace.png' });
    // Dismissed, it stays dismissed: the recovered file was written, so a reload opens it quietly.
    await notice.locator('.notice-dismiss').click();
    await page.reload();
    await expect(page.locator('.pane')).not.toHaveCount(0);
    await expect(page.locator('.notice-error')).toHaveCount(0);
  } finally {
    await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('invalid records are left out and listed, the rest of the workspace opens', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-records-'));
  const workspace = join(dir, 'workspace.json');
  await stop(await startHost(workspace));
  const data = JSON.parse(readFileSync(workspace, 'utf8')) as { codebook: unknown[]; annotations: unknown[] };
  data.codebook.push({ id: 'broken-tag', name: '', color: 'red' });
  data.annotations.push({ id: 'an-broken', doc: 'hornung-2022', start: 'ten' });
  writeFileSync(workspace, JSON.stringify(data));
  const host = await startHost(workspace);
  try {
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.goto(host.url);
    await expect(page.locator('.pane')).toHaveCount(4);
    const notice = page.locator('.notice-error');
    await expect(notice).toContainText('2 records of the workspace could not be read and were left out');
    await expect(notice).toContainText('codebook[');
    await expect(notice).toContainText('"an-broken"');
    await page.screenshot({ path: 'test-results/invalid-records.png' });
  } finally {
    await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
