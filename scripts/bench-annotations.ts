/**
 * Annotation benchmark: 10,000 annotations across the four samples (5,000 of them in
 * one text). Prints the time to save the workspace and to load and validate it, then,
 * in Chromium against the local host, the time to open the workspace and paint the
 * four panes with every highlight, and the p95 keystroke latency while editing the
 * pane with 5,000 highlights. Figures only; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { quoteAt } from '../common/anchoring';
import type { Annotation } from '../common/model';
import { textOf } from '../main/services/annotations/anchors';
import { openWorkspace } from '../main/services/app';
import { WorkspaceStore } from '../main/services/workspace-store';
import { createWorkspaceService } from '../main/services/workspace-service';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOTAL = 10_000;
const IN_ONE_PANE = 5_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** A deterministic pseudo-random sequence, so every run annotates the same passages. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function seedAnnotations(path: string): Promise<string> {
  const { store } = await openWorkspace(path, 'browser');
  const rnd = random(7);
  const docs = store.data.documents;
  const heavy = [...docs].sort((a, b) => textOf(b).length - textOf(a).length)[0];
  const tags = store.data.codebook.map((t) => t.id);
  const now = new Date().toISOString();
  const annotations: Annotation[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const record = i < IN_ONE_PANE ? heavy : docs[i % docs.length];
    const text = textOf(record);
    let start = Math.floor(rnd() * (text.length - 250));
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    let end = Math.min(text.length, start + 20 + Math.floor(rnd() * 180));
    while (end < text.length && /\S/.test(text[end])) end++;
    if (!text.slice(start, end).trim()) continue;
    annotations.push({
      id: `an-bench-${i}`,
      doc: record.id,
      start,
      end,
      quote: quoteAt(text, start, end),
      revision: record.revision,
      tags: [tags[i % tags.length], ...(i % 3 === 0 ? [tags[(i + 5) % tags.length]] : [])],
      note: i % 4 === 0 ? `Note ${i}: why this passage matters for the comparison.` : '',
      orphan: false,
      createdAt: now,
      updatedAt: now,
    });
  }
  await store.update((data) => {
    data.annotations = annotations;
  });
  await store.flush();

  const saves: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await store.update((data) => {
      data.annotations[i].note = `Edited ${i}`;
    });
    await store.flush();
    saves.push(performance.now() - t);
  }
  await store.close();
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const again = await WorkspaceStore.open(path, { seed: async () => [] });
    createWorkspaceService({ store: again, mode: 'browser', version: 'bench' });
    loads.push(performance.now() - t);
    await again.close();
  }
  console.log(`  ${annotations.length} annotations, ${IN_ONE_PANE} of them in "${heavy.meta.title.slice(0, 50)}…"`);
  console.log(
    `  save (durable write of the whole workspace), median of 5: ${median(saves).toFixed(0)} ms  (target < 100 ms)`,
  );
  console.log(
    `  load + migrate + validate + anchor check, median of 5: ${median(loads).toFixed(0)} ms  (target < 200 ms)`,
  );
  return heavy.id;
}

function startHost(workspace: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'parallax.js'), 'serve', '--workspace', workspace], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Parallax at (\S+)$/m.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`host exited (${code})`)));
  });
}

async function browserFigures(path: string, heavyDoc: string): Promise<void> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) {
    console.log('  (Chromium not found: browser figures skipped)');
    return;
  }
  const host = await startHost(path);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const paints: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(host.url);
      const handle = await page.waitForFunction(
        (total) => {
          const ids = new Set<string>();
          for (const el of (globalThis as any).document.querySelectorAll('.pm-doc .an'))
            for (const id of el.dataset.annotations.split(' ')) ids.add(id); // eslint-disable-line @typescript-eslint/no-explicit-any
          return ids.size >= total ? performance.now() : false;
        },
        TOTAL,
        { polling: 'raf', timeout: 60_000 },
      );
      paints.push((await handle.jsonValue()) as number);
    }
    console.log(
      `  open the workspace and paint 4 panes with all highlights (browser), median of 3: ${median(paints).toFixed(0)} ms  (target < 1 s)`,
    );

    const pane = page.locator(`.pane[data-doc-id="${heavyDoc}"]`);
    await pane.getByRole('button', { name: 'Edit' }).click();
    await pane.locator('.pm-doc p').nth(3).click();
    await page.evaluate(() => {
      const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      g.latencies = [];
      g.document.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          // Until the frame after the key was handled: what the user waits for.
          g.requestAnimationFrame(() => g.setTimeout(() => g.latencies.push(performance.now() - t0), 0));
        },
        true,
      );
    });
    await page.keyboard.type('deterrence and engagement remain the core of the policy '.repeat(2), { delay: 40 });
    await page.waitForTimeout(300);
    const latencies = (await page.evaluate(() => (globalThis as any).latencies)) as number[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const decorations = await pane.locator('.pm-doc .an').count();
    console.log(
      `  keystroke latency while editing a pane with ${IN_ONE_PANE} annotations (${decorations} highlight spans), ${latencies.length} keys: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms  (target p95 < 16 ms)`,
    );
  } finally {
    await browser.close();
    host.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.error('bench: the app is not built; run `npm run build` first.');
    process.exit(1);
  }
  console.log('\nAnnotations: 10,000 across the four samples');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const path = join(dir, 'workspace.json');
  try {
    const heavy = await seedAnnotations(path);
    await browserFigures(path, heavy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
