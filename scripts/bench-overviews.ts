/**
 * Overview benchmark: 500 links and 2,000 suggestions across the four samples. Prints the
 * time to compute the overviews' data (topics, conflicts, agreement matrix) in Node, then, in
 * Chromium against the local host, the time to open each view (key to the next frame) and to
 * update it after a change: the renderer's redraw once the change has arrived, and the whole
 * round trip of an undo or redo (host call, links, suggestions and topics reloaded, redrawn).
 * Figures only; nothing is asserted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './lib/host';
import { chromium, type Page } from '@playwright/test';
import { quoteAt } from '../common/anchoring';
import type { Link, Suggestion } from '../common/model';
import { agreementMatrix, conflictEntries, groupTopics } from '../common/overviews';
import { textOf } from '../main/services/annotations/anchors';
import { openWorkspace } from '../main/services/app';

const root = fileURLToPath(new URL('..', import.meta.url));
const LINKS = 500;
const SUGGESTIONS = 2_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

/** A deterministic pseudo-random sequence, so every run uses the same passages. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function seed(path: string): Promise<void> {
  const { store } = await openWorkspace(path, 'browser');
  const rnd = random(11);
  const docs = store.data.documents;
  const tags = store.data.codebook.map((t) => t.id);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const range = (text: string) => {
    let start = Math.floor(rnd() * (text.length - 300));
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    let end = Math.min(text.length, start + 40 + Math.floor(rnd() * 200));
    while (end < text.length && /\S/.test(text[end])) end++;
    return { start, end };
  };
  const relations = ['agree', 'conflict', 'related'] as const;
  // Analysts link passages about the same point: each link takes up one of TOPICS points,
  // each made in every text at its own place (a sentence-sized stretch), so the links of a
  // point overlap and merge into one topic; one link in twenty joins two points.
  const TOPICS = 160;
  // Each text is cut into TOPICS stretches, dealt out to the points in a shuffled order.
  const order = docs.map(() => Array.from({ length: TOPICS }, (_, i) => i).sort(() => rnd() - 0.5));
  const sites = Array.from(
    { length: TOPICS },
    (_, t) =>
      new Map(
        docs.map((d, k) => {
          const width = Math.floor(textOf(d).length / TOPICS);
          const start = order[k][t] * width;
          return [d.id, { start, end: start + width - 1 }];
        }),
      ),
  );
  const now = Date.now();
  const links: Link[] = [];
  for (let i = 0; i < LINKS; i++) {
    const n = rnd() < 0.15 ? 3 + Math.floor(rnd() * 2) : 2;
    const chosen = [...docs].sort(() => rnd() - 0.5).slice(0, Math.min(n, docs.length));
    const point = Math.floor(rnd() * TOPICS);
    const other = rnd() < 0.05 ? Math.floor(rnd() * TOPICS) : point;
    const at = new Date(now + i * 1000).toISOString();
    links.push({
      id: `ln-bench-${i}`,
      relation: pick([...relations]),
      ends: chosen.map((d, k) => {
        const text = textOf(d);
        const site = sites[k === 0 ? point : other].get(d.id)!;
        const slack = Math.floor((site.end - site.start) / 4);
        const start = site.start + Math.floor(rnd() * slack);
        const end = site.end - Math.floor(rnd() * slack);
        return { doc: d.id, start, end, quote: quoteAt(text, start, end), revision: d.revision, orphan: false };
      }),
      tags: rnd() < 0.4 ? [pick(tags)] : [],
      note: rnd() < 0.3 ? `Note ${i}: why these passages belong together.` : '',
      createdAt: at,
      updatedAt: at,
    });
  }
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < SUGGESTIONS; i++) {
    const [a, b] = [...docs].sort(() => rnd() - 0.5);
    const side = (d: (typeof docs)[number]) => {
      const text = textOf(d);
      const { start, end } = range(text);
      return { doc: d.id, start, end, text: text.slice(start, end), revision: d.revision };
    };
    suggestions.push({
      id: `sg-bench-${i}`,
      relation: rnd() < 0.3 ? 'conflict' : rnd() < 0.6 ? 'agree' : 'related',
      score: rnd(),
      confidence: rnd(),
      a: side(a),
      b: side(b),
      evidence: [{ kind: 'shared', a: null, b: null, note: 'shared terms' }],
      status: 'suggested',
    });
  }
  await store.update((data) => {
    data.links = links;
    data.suggestions = suggestions;
  });
  await store.close();
}

function nodeFigures(path: string): Promise<void> {
  return openWorkspace(path, 'browser').then(async ({ store }) => {
    const { links, suggestions, topics, documents } = store.data;
    const runs = (f: () => void) =>
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        f();
        return performance.now() - t;
      });
    const groups = groupTopics(links, topics);
    console.log(`  ${links.length} links in ${groups.length} topics, ${suggestions.length} suggestions`);
    console.log(
      `  group links into topics, median of 7: ${median(runs(() => groupTopics(links, topics))).toFixed(1)} ms`,
    );
    console.log(
      `  list the conflicts (with topics and time gaps), median of 7: ${median(runs(() => conflictEntries({ docs: documents, links, suggestions, topics: groupTopics(links, topics) }))).toFixed(1)} ms`,
    );
    console.log(
      `  agreement matrix with suggestions, median of 7: ${median(runs(() => agreementMatrix({ docs: documents, links, suggestions, includeSuggestions: true }))).toFixed(1)} ms`,
    );
    await store.close();
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Presses Ctrl(+Shift)+key in the page as a user would (a keydown the app's key table
 * reads); resolves with the page's clock when it was pressed and when the next frame was drawn.
 */
function press(page: Page, code: string, key: string, shift: boolean): Promise<{ at: number; frame: number }> {
  return page.evaluate(
    ([code, key, shift]) =>
      new Promise<{ at: number; frame: number }>((resolve) => {
        const g = globalThis as any;
        const at = performance.now();
        g.dispatchEvent(new g.KeyboardEvent('keydown', { code, key, ctrlKey: true, shiftKey: shift, bubbles: true }));
        g.requestAnimationFrame(() => g.setTimeout(() => resolve({ at, frame: performance.now() }), 0));
      }),
    [code, key, shift] as const,
  );
}

const dock = (page: Page, name: 'drawMs' | 'drawnAt') =>
  page.evaluate((name) => Number((globalThis as any).document.querySelector('.overview-dock').dataset[name]), name);

async function browserFigures(path: string): Promise<void> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) {
    console.log('  (Chromium not found: browser figures skipped)');
    return;
  }
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  const host = await startHost(path);
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(host.url);
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.pane .pm-doc').length === 4);
    await page.waitForTimeout(1000);
    const views = [
      ['Contradictions', 'KeyC', 'C'],
      ['Synopsis grid', 'KeyY', 'Y'],
      ['Agreement chart', 'KeyH', 'H'],
    ] as const;
    // Opening a view draws it afresh (switching views does too): rotate through them.
    const opens = new Map<string, number[]>(views.map(([name]) => [name, []]));
    for (let round = 0; round < 5; round++) {
      for (const [name, code, key] of views) {
        const { at, frame } = await press(page, code, key, true);
        opens.get(name)!.push(frame - at);
        if (process.env.DEBUG) console.log(name, (frame - at).toFixed(0), await dock(page, 'drawMs'));
      }
    }
    for (const [name] of views) {
      const ms = opens.get(name)!;
      console.log(
        `  open ${name} (key to the next frame), median of 5: ${median(ms).toFixed(0)} ms, max ${max(ms).toFixed(0)} ms  (target < 200 ms)`,
      );
    }
    await press(page, 'KeyY', 'Y', true);
    const rows = await page.evaluate(
      () => (globalThis as any).document.querySelector('.synopsis-view .ov-count').textContent,
    );
    console.log(`    (grid: ${rows} × 4 texts, the first 40 rows drawn; conflict entries 100 at a time)`);

    // A change to undo and redo: name the first row of the grid.
    await press(page, 'KeyY', 'Y', true);
    await page.locator('.synopsis-grid tbody tr').first().locator('.topic-actions button').first().click();
    await page.keyboard.type('Benchmark topic');
    await page.keyboard.press('Enter');
    await page.locator('.synopsis-grid .topic-name', { hasText: 'Benchmark topic' }).waitFor();
    await page
      .locator('.pane .pm-doc')
      .first()
      .click({ position: { x: 5, y: 5 } });
    for (const [name, code, key] of views) {
      await press(page, code, key, true);
      await page
        .locator('.pane .pm-doc')
        .first()
        .click({ position: { x: 5, y: 5 } });
      const draws: number[] = [];
      const trips: number[] = [];
      for (let i = 0; i < 6; i++) {
        const before = await dock(page, 'drawnAt');
        const { at } = await press(page, 'KeyZ', i % 2 === 0 ? 'z' : 'Z', i % 2 === 1);
        // Undo reloads links, suggestions and topics; each redraws the view once it arrives.
        await page.waitForFunction(
          (before) => Number((globalThis as any).document.querySelector('.overview-dock').dataset.drawnAt) > before,
          before,
        );
        await page.waitForTimeout(400);
        draws.push(await dock(page, 'drawMs'));
        trips.push((await dock(page, 'drawnAt')) - at);
      }
      console.log(
        `  update ${name} after a change: redraw ${median(draws).toFixed(0)} ms median, ${max(draws).toFixed(0)} ms max  (target < 50 ms); undo or redo to the last redraw ${median(trips).toFixed(0)} ms median`,
      );
    }
  } finally {
    await browser.close();
    host.stop();
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.error('bench: the app is not built; run `npm run build` first.');
    process.exit(1);
  }
  console.log(`\nOverviews: ${LINKS} links and ${SUGGESTIONS} suggestions across the four samples`);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const path = join(dir, 'workspace.json');
  try {
    await seed(path);
    await nodeFigures(path);
    if (!process.env.SKIP_BROWSER) await browserFigures(path);
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(path);
  }
}

await main();
