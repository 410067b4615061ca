/**
 * Screenshots of the overviews for the README (docs/overview-*.png): a fresh workspace of
 * the four samples, Align run, a few suggestions accepted and links made as an analyst
 * would, then each view at 1280 × 860; the same at 1000 × 760 and the printed grid go to
 * test-results/ (the narrow layout and the print stylesheet, to be checked by eye).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Suggestion } from '../common/model';
import { plainTextOf } from '../common/plaintext';
import { schema } from '../common/schema';
import type { NodeJSON } from '../common/model';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const checks = join(root, 'test-results');

function startHost(workspace: string): Promise<{ origin: string; url: string; token: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'parallax.js'), 'serve', '--workspace', workspace], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /^Parallax at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/m.exec(text);
      if (m) resolve({ origin: m[1], url: `${m[1]}/?token=${m[2]}`, token: m[2], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`host exited (${code})`)));
  });
}

async function main(): Promise<void> {
  mkdirSync(checks, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'parallax-shots-'));
  const host = await startHost(join(dir, 'workspace.json'));
  const api = async <T>(name: string, input: unknown): Promise<T> => {
    const res = await fetch(`${host.origin}/api/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value;
  };
  const text = async (id: string) =>
    plainTextOf(schema.nodeFromJSON((await api<{ doc: NodeJSON }>('getDocument', { id })).doc)).text;
  const at = async (doc: string, phrase: string) => {
    const start = (await text(doc)).indexOf(phrase);
    if (start < 0) throw new Error(`no "${phrase}" in ${doc}`);
    return { doc, revision: 0, start, end: start + phrase.length };
  };
  try {
    let job = await api<{ id: string; state: string }>('startAlign', {});
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 300));
      job = await api('getAlignJob', { id: job.id });
    }
    const { suggestions } = await api<{ suggestions: Suggestion[] }>('listSuggestions', {});
    const byScore = [...suggestions].sort((a, b) => b.score - a.score);
    for (const s of [
      ...byScore.filter((s) => s.relation === 'conflict').slice(0, 2),
      ...byScore.filter((s) => s.relation === 'agree').slice(0, 4),
    ]) {
      await api('setSuggestionStatus', { id: s.id, status: 'accepted' });
    }
    const tags = (await api<{ tags: { id: string; name: string }[] }>('getCodebook', {})).tags;
    const tag = (name: string) => tags.find((t) => t.name.toLowerCase().includes(name))?.id;
    await api('createLink', {
      relation: 'conflict',
      ends: [
        await at('rinna-2016', 'Kuril Islands/Northern Territories dispute'),
        await at('oshea-2024', 'the so-called Northern Territories'),
      ],
      note: 'A dispute to manage through defence talks (2016), or a loss sealed by the invasion (2024)?',
      tags: [tag('territorial')].filter(Boolean),
    });
    await api('createLink', {
      relation: 'conflict',
      ends: [
        await at(
          'hornung-2022',
          'With Japan’s withdrawal from Russia, these economic relations have largely collapsed.',
        ),
        await at('nagy-nguyen-2023', 'Tokyo continues to buy Russian oil, coal, and LNG'),
      ],
      note: 'Collapse of economic ties, or energy trade going on?',
      tags: [tag('sanction')].filter(Boolean),
    });
    await api('createLink', {
      relation: 'conflict',
      ends: [
        await at('rinna-2016', 'the two sides have sought increased cooperation on commerce'),
        await at('oshea-2024', 'Japan gave Russia a pass following its 2014 annexation of Crimea.'),
      ],
      note: 'Rinna reads the same years as partnership by choice; O’Shea as a pass Japan gave.',
    });
    await api('createLink', {
      relation: 'agree',
      ends: [
        await at('hornung-2022', 'defense policy'),
        await at('oshea-2024', 'new defense and national security policies'),
      ],
      tags: [tag('deterrence')].filter(Boolean),
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu'],
    });
    for (const [width, height, suffix] of [
      [1280, 860, ''],
      [1000, 760, '-1000'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      const out = suffix ? checks : docs;
      await page.goto(host.url);
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.pane .pm-doc').length === 4); // eslint-disable-line @typescript-eslint/no-explicit-any
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+Shift+C');
      await page.locator('.conflict-entry').first().click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `overview-contradictions${suffix}.png`) });
      await page.keyboard.press('Control+Shift+Y');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `overview-synopsis${suffix}.png`) });
      await page.keyboard.press('Control+Shift+H');
      await page.locator('.ov-include-suggestions').check();
      await page.locator(`.heatmap-conflict .heat-cell[data-row="Rinna"][data-col="O'Shea"]`).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `overview-agreement${suffix}.png`) });
      await page.keyboard.press('Control+Shift+F');
      await page.keyboard.type('Northern Territories');
      await page.waitForTimeout(600);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `overview-search${suffix}.png`) });
      await page.keyboard.press('Control+Shift+C');
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => (globalThis as any).document.body.classList.add('printing-overview')); // eslint-disable-line @typescript-eslint/no-explicit-any
      await page.keyboard.press('Control+Shift+Y');
      await page.screenshot({ path: join(checks, `overview-print${suffix}.png`), fullPage: true });
      await page.close();
    }
    await browser.close();
  } finally {
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
