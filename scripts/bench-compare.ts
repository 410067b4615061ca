/**
 * Comparison benchmark: 500 links and 2,000 suggestions across the four samples, in
 * Chromium against the local host. Prints the main thread's work per frame while a
 * pane scrolls with its connector curves and rulers redrawn (from a trace) — as soon as
 * the panes are drawn, and once they have laid their text out ahead in idle time (how
 * long that takes is printed too) — and how long
 * the counterparts panel takes to show the counterparts of the passage at the cursor
 * after it moves (right after the workspace opens, while the aligner's encoder threads
 * embed its passages, and again once they are embedded), split into the wait before the
 * question, the call to the host and the panel's drawing. Figures only; nothing is
 * asserted.
 *
 * The main thread's work is given as wall-clock time and as the thread's own CPU time
 * (both from the trace): on a machine other jobs keep busy, the wall-clock figure also
 * counts the time the thread waited for a CPU. Each section prints the load average it
 * ran under. BENCH_TRACE=path/prefix keeps the traces (prefix-1.json, …) to open in
 * DevTools' Performance panel.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workPerScrollFrame, type ScrollFrames } from './lib/frame-trace';
import { startHost } from './lib/host';
import { chromium, type Browser, type Page } from '@playwright/test';
import { quoteAt } from '../common/anchoring';
import type { Link, Suggestion } from '../common/model';
import { textOf } from '../main/services/annotations/anchors';
import { openWorkspace } from '../main/services/app';

const root = fileURLToPath(new URL('..', import.meta.url));
const LINKS = 500;
const SUGGESTIONS = 2_000;
const RELATIONS = ['agree', 'conflict', 'related'] as const;
let traces = 0;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function figures(xs: number[]): string {
  return `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms (${xs.length} samples)`;
}

/** A deterministic pseudo-random sequence, so every run links the same passages. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Seeds links between passages of adjacent panes (so curves are drawn) and suggestions between any two texts. */
/** Seeds the workspace; resolves with the ids of the documents in its panes, left to right. */
async function seed(path: string, withLinks = true): Promise<string[]> {
  const { store } = await openWorkspace(path, 'browser');
  const rnd = random(11);
  const docs = store.data.layout.panes.map((p) => store.data.documents.find((d) => d.id === p.docId)!);
  const passage = (i: number) => {
    const record = docs[i];
    const text = textOf(record);
    let start = Math.floor(rnd() * (text.length - 300));
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    let end = Math.min(text.length, start + 40 + Math.floor(rnd() * 200));
    while (end < text.length && /\S/.test(text[end])) end++;
    return { record, text, start, end };
  };
  const now = new Date().toISOString();
  const links: Link[] = [];
  for (let i = 0; i < (withLinks ? LINKS : 0); i++) {
    const left = i % (docs.length - 1);
    const ends = [passage(left), passage(left + 1)].map((p) => ({
      doc: p.record.id,
      start: p.start,
      end: p.end,
      quote: quoteAt(p.text, p.start, p.end),
      revision: p.record.revision,
      orphan: false,
    }));
    links.push({
      id: `lk-bench-${i}`,
      relation: RELATIONS[i % 3],
      ends,
      tags: [],
      note: '',
      createdAt: now,
      updatedAt: now,
    });
  }
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < SUGGESTIONS; i++) {
    const a = Math.floor(rnd() * docs.length);
    const b = (a + 1 + Math.floor(rnd() * (docs.length - 1))) % docs.length;
    const [pa, pb] = [passage(a), passage(b)];
    const side = (p: ReturnType<typeof passage>) => ({
      doc: p.record.id,
      start: p.start,
      end: p.end,
      text: p.text.slice(p.start, p.end),
      revision: p.record.revision,
    });
    suggestions.push({
      id: `sg-bench-${i}`,
      relation: RELATIONS[i % 3],
      score: 0.2 + rnd() * 0.6,
      confidence: rnd(),
      a: side(pa),
      b: side(pb),
      evidence: [],
      status: 'suggested',
    });
  }
  await store.update((data) => {
    data.links = links;
    data.suggestions = suggestions;
  });
  await store.close();
  return docs.map((d) => d.id);
}

/** Scrolls the second pane down and up again under a trace (already started when `traced`). */
async function scrolling(browser: Browser, page: Page, traced = false): Promise<ScrollFrames & { curves: number }> {
  const body = page.locator('.pane-body').nth(1);
  const box = (await body.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  if (!traced) await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  else {
    const begun = await page.evaluate(
      () =>
        Array.from((globalThis as any).document.querySelectorAll('style[data-pre-layout]')).some(
          (s: any) => s.textContent,
        ), // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    if (begun) console.log('  (the panes had begun laying text out ahead before the scroll)');
  }
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, i < 40 ? 120 : -120);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const trace = await browser.stopTracing();
  if (process.env.BENCH_TRACE) writeFileSync(`${process.env.BENCH_TRACE}-${++traces}.json`, trace);
  const frames = workPerScrollFrame(trace.toString('utf8'));
  const curves = (await page.evaluate(
    () => (globalThis as any).document.querySelector('.connectors').curves.length, // eslint-disable-line @typescript-eslint/no-explicit-any
  )) as number;
  return { ...frames, curves };
}

/**
 * Opens a workspace in a fresh page and waits for its four panes; `rightAway`, with the
 * trace already started (for scrolling at once); otherwise also until the panes have
 * laid their text out ahead in idle time (at least 500 ms). Resolves with the page and
 * how long that took after the panes were drawn (ms).
 */
async function open(browser: Browser, url: string, rightAway = false): Promise<{ page: Page; laidOut?: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // Right away: the trace starts before the page opens, so the scroll can follow the panes at once.
  if (rightAway) await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await page.goto(url);
  await page.waitForFunction(
    () => (globalThis as any).document.querySelectorAll('.pane .pm-doc').length === 4, // eslint-disable-line @typescript-eslint/no-explicit-any
    null,
    { polling: 'raf' },
  );
  if (rightAway) return { page };
  const drawn = Date.now();
  await page.waitForFunction(
    () =>
      Array.from((globalThis as any).document.querySelectorAll('.pane')).every((p: any) => p.dataset.laidOut === 'all'), // eslint-disable-line @typescript-eslint/no-explicit-any
    null,
    { polling: 50, timeout: 60_000 },
  );
  const laidOut = Date.now() - drawn;
  await page.waitForTimeout(Math.max(0, 500 - laidOut));
  return { page, laidOut };
}

interface CaretPass {
  /** Caret move to the frame showing the counterparts, per move (ms). */
  times: number[];
  /** The call to the host: request sent to the answer's last byte (ms). */
  calls: number[];
  /** Caret move to the request sent (ms). */
  sent: number[];
  /** The panel's own measure: question asked to the answer drawn (ms). */
  asked: number[];
}

/** Moves the caret to paragraphs [from, to) of the third pane in turn: from each move to the frame showing its counterparts. */
async function caretPass(page: Page, from: number, to: number): Promise<CaretPass> {
  await page.evaluate(() => performance.clearMeasures('counterparts:update'));
  const pass = (await page.evaluate(
    async ([from, to]) => {
      const g = globalThis as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      const doc = g.document.querySelectorAll('.pane .pm-doc')[2];
      const paragraphs = Array.from(doc.querySelectorAll(':scope > p')).slice(from, to) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const columns = g.document.querySelector('.cp-columns');
      const out: number[] = [];
      const calls: number[] = [];
      const sent: number[] = [];
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(1000);
      for (const p of paragraphs) {
        p.scrollIntoView({ block: 'center' });
        await new Promise((r) => g.requestAnimationFrame(r));
        const walker = g.document.createTreeWalker(p, 4);
        const text = walker.nextNode();
        if (!text || text.data.length < 10) continue;
        const shown = new Promise<void>((resolve) => {
          const observer = new g.MutationObserver(() => {
            observer.disconnect();
            g.requestAnimationFrame(() => g.setTimeout(resolve, 0));
          });
          observer.observe(columns, { childList: true });
          g.setTimeout(() => (observer.disconnect(), resolve()), 3000);
        });
        const t0 = performance.now();
        g.getSelection().collapse(text, 5);
        await shown;
        out.push(performance.now() - t0);
        // The call to the host for this move, from the browser's resource timing.
        const call = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/getCounterparts') && e.startTime >= t0)
          .pop() as { startTime: number; responseEnd: number } | undefined;
        calls.push(call ? call.responseEnd - call.startTime : NaN);
        sent.push(call ? call.startTime - t0 : NaN);
      }
      return { times: out, calls, sent };
    },
    [from, to],
  )) as Omit<CaretPass, 'asked'>;
  const asked = (await page.evaluate(() =>
    performance.getEntriesByName('counterparts:update').map((e) => e.duration),
  )) as number[];
  return { ...pass, asked };
}

function printPass(pass: CaretPass, skipFirst: boolean): void {
  const s = skipFirst ? 1 : 0;
  console.log(
    `    caret move to the frame showing the counterparts: ${figures(pass.times.slice(s))}  (target < 50 ms)`,
  );
  console.log(`    of which the caret move to the question sent: ${figures(pass.sent.slice(s))}`);
  console.log(
    `    of which the call to the host (request to last byte of the answer): ${figures(pass.calls.slice(s))}`,
  );
  console.log(`    of which the question sent to the answer drawn: ${figures(pass.asked.slice(s))}`);
}

/**
 * Waits until the aligner has embedded the workspace's passages for its semantic pass
 * (its answers stop carrying progress); resolves with the seconds waited, or undefined
 * after `limitMs`.
 */
async function embedded(url: string, doc: string, limitMs = 300_000): Promise<number | undefined> {
  const u = new URL(url);
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const response = await fetch(`${u.origin}/api/getCounterparts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${u.searchParams.get('token')}` },
      body: JSON.stringify({ doc, start: 0, end: 0, k: 1 }),
    });
    const body = (await response.json()) as { ok: boolean; value?: { progress?: unknown } };
    if (body.ok && !body.value?.progress) return (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return undefined;
}

/**
 * From a caret move to the frame showing the panel's new counterparts: right after the
 * workspace opens (the aligner builds its index, and its encoder threads embed the
 * passages meanwhile, when no embeddings are cached yet), then the same passages once
 * they are embedded.
 */
async function counterparts(page: Page, url: string, doc: string): Promise<void> {
  await page.keyboard.press('Control+Alt+KeyC');
  await page.locator('.counterparts').waitFor();
  const opening = await caretPass(page, 2, 32);
  console.log(
    `  counterparts panel, caret moved to ${opening.times.length} passages in turn, right after opening (${load()}):`,
  );
  printPass(opening, true);
  console.log(`    the first (the aligner builds its index): ${opening.times[0]?.toFixed(0)} ms`);
  const waited = await embedded(url, doc);
  if (waited === undefined) {
    console.log('  (the aligner was still embedding the passages after 5 minutes: no figures once embedded)');
    return;
  }
  // The same passages again (the aligner keeps no answers, the panel only the last one).
  const steady = await caretPass(page, 2, 32);
  console.log(
    `  the same passages again once the aligner has embedded the texts (${waited.toFixed(0)} s later; ${load()}):`,
  );
  printPass(steady, false);
}

/** The machine's load average (1 and 5 minutes), to read the figures beside. */
function load(): string {
  const [one, five] = loadavg();
  return `load average ${one.toFixed(1)}, ${five.toFixed(1)}`;
}

function printFrames(f: ScrollFrames, target: string): void {
  console.log(`    main-thread work per scroll frame (wall clock): ${figures(f.wall)}${target}`);
  console.log(`    the same as the main thread's CPU time: ${figures(f.cpu)}`);
  const kinds = Object.entries(f.kinds)
    .map(([kind, ms]) => `${kind} ${ms.toFixed(2)}`)
    .join(', ');
  console.log(`    mean CPU time per scroll frame by kind (ms): ${kinds}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.error('bench: the app is not built; run `npm run build` first.');
    process.exit(1);
  }
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) {
    console.log('  (Chromium not found: comparison figures skipped)');
    return;
  }
  console.log(
    `\nComparing: ${LINKS} links and ${SUGGESTIONS} suggestions across the four samples (browser, 1600 × 1000)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const path = join(dir, 'workspace.json');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const docs = await seed(path);
    const plainPath = join(dir, 'no-links.json');
    await seed(plainPath, false);
    const host = await startHost(path);
    try {
      // Scrolling the moment the panes are drawn, before they are laid out ahead.
      const early = await open(browser, host.url, true);
      const first = await scrolling(browser, early.page, true);
      await early.page.close();
      console.log(
        `  scrolling a pane as soon as the panes are drawn, before their text is laid out ahead (${load()}):`,
      );
      printFrames(first, '');
      const { page, laidOut } = await open(browser, host.url);
      console.log(`  the four panes' text laid out ahead in idle time ${laidOut} ms after they were drawn`);
      const linked = await scrolling(browser, page);
      console.log(`  scrolling a pane once it is laid out (${linked.curves} curves on screen at the end; ${load()}):`);
      printFrames(linked, '  (target p95 < 8 ms)');
      console.log(`    of which the frame callback (measure and redraw curves and rulers): ${figures(linked.redraws)}`);
      console.log(`  (${load()})`);
      await counterparts(page, host.url, docs[2]);
    } finally {
      host.stop();
    }
    // The same scrolling with the same suggestions and no links (so no curves), for comparison.
    const plainHost = await startHost(plainPath);
    try {
      const plain = await scrolling(browser, (await open(browser, plainHost.url)).page);
      console.log(`  the same scrolling without links (no curves), for comparison (${load()}):`);
      printFrames(plain, '');
    } finally {
      plainHost.stop();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
