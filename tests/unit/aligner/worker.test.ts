import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AlignJob } from '../../../common/api';
import { builtWorkerFiles, workerHost, type CorpusSource } from '../../../main/services/align-jobs';
import { alignInputOf } from '../../../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import { openWorkspace } from '../../../main/services/app';
import type { AlignInput } from '../../../main/services/aligner/passages';
import { samplesDir } from '../../../main/services/paths';
import { documentFromText, readDocumentFolder } from '../../../main/services/sources';

// The built workers (npm test builds before it runs vitest), ranking by words only: these
// tests are about the threads, and loading the encoder in each would only slow them down.
process.env.PARALLAX_EMBEDDINGS = 'off';
const files = builtWorkerFiles();
const built = existsSync(files.counterparts) && existsSync(files.align);
const host = workerHost(files);
afterAll(() => host.close());

const doc = (name: string, body: string) =>
  alignInputOf(documentFromText(`---\ntitle: ${name}\n---\n\n${body}\n`, `${name}.md`));
const pair = [
  doc('one', 'The harbour dredging programme will deepen the channel for container vessels.'),
  doc('two', 'Dredging the harbour channel lets larger container vessels dock.'),
];
const small: CorpusSource = { key: 'small', load: () => ({ key: 'small', concepts: DEFAULT_CONCEPTS, docs: pair }) };

/** Ten copies of the four samples: an Align that takes a while (most of a second here). */
async function longCorpus(): Promise<AlignInput[]> {
  const samples = (await readDocumentFolder(samplesDir())).map(alignInputOf);
  return Array.from({ length: 10 }, (_, c) => samples.map((d) => ({ ...d, id: `${d.id}-${c}` }))).flat();
}

/** Resolves on the first progress report of an Align run (it is under way on its thread). */
function alignUnderWay(h: typeof host, docs: AlignInput[]) {
  let started!: () => void;
  const underWay = new Promise<void>((resolve) => (started = resolve));
  const run = h.align({ docs, concepts: DEFAULT_CONCEPTS, top: 100 }, () => started());
  return { run, underWay };
}

/** A worker file for the tests, written to a temporary folder. */
function workerFile(name: string, code: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parallax-worker-')), name);
  writeFileSync(file, code);
  return file;
}

describe.skipIf(!built)("the aligner's worker threads", () => {
  it('keeps its index between queries and takes a new corpus when the key changes', async () => {
    let loads = 0;
    const source = (key: string, extra: string): CorpusSource => ({
      key,
      load: () => {
        loads++;
        return {
          key,
          concepts: DEFAULT_CONCEPTS,
          docs: [
            doc('one', 'The harbour dredging programme will deepen the channel for container vessels.'),
            doc('two', `Dredging the harbour channel lets larger container vessels dock. ${extra}`),
          ],
        };
      },
    });
    const v1 = source('v1', 'Orchards need rain in spring and summer.');
    const first = await host.counterparts(v1, { doc: 'one', start: 0, end: 0, k: 2 });
    await host.counterparts(v1, { doc: 'one', start: 5, end: 5, k: 2 });
    expect(loads).toBe(1);
    expect(first.matches[0].text).toContain('Dredging the harbour channel');
    const v2 = source('v2', 'Harbour dredging for container vessels deepens the channel quickly.');
    const second = await host.counterparts(v2, { doc: 'one', start: 0, end: 0, k: 2 });
    expect(loads).toBe(2);
    expect(second.matches[0].text).toContain('deepens the channel');
    await expect(host.counterparts(v2, { doc: 'zzz', start: 0, end: 0 })).rejects.toThrow(/no document/);
  });

  it('runs Align with progress', async () => {
    const stages = new Set<string>();
    const out = await host.align({ top: 10, concepts: DEFAULT_CONCEPTS, docs: pair }, (stage) => stages.add(stage));
    expect(out.alignments.length).toBe(1);
    expect(stages.has('relations')).toBe(true);
  });

  it('answers a counterparts question asked while Align runs before the Align ends', async () => {
    const docs = await longCorpus();
    await host.counterparts(small, { doc: 'one', start: 0, end: 0 });
    const settled: string[] = [];
    const { run, underWay } = alignUnderWay(host, docs);
    const aligned = run.then((out) => (settled.push('align'), out));
    await underWay;
    const answer = await host.counterparts(small, { doc: 'one', start: 0, end: 0 });
    settled.push('query');
    expect(answer.matches[0].text).toContain('Dredging the harbour channel');
    expect((await aligned).alignments.length).toBeGreaterThan(0);
    expect(settled).toEqual(['query', 'align']);
  });

  it('closing the workspace while Align runs stops both threads; the run fails and writes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parallax-close-')), 'workspace.json');
    const aligner = workerHost(files);
    const opened = await openWorkspace(path, 'browser', { aligner });
    const seen: AlignJob[] = [];
    opened.events.on('alignProgress', (job) => seen.push({ ...job }));
    const first = opened.store.data.documents[0];
    await opened.handlers.getCounterparts({ doc: first.id, start: 0, end: 0, k: 3 });
    await opened.handlers.startAlign({});
    // Closed once the run is under way on its thread.
    await vi.waitFor(() => expect(seen.some((j) => j.stage !== 'starting')).toBe(true), { timeout: 10_000 });
    expect(aligner.threads).toEqual({ counterparts: true, align: true });
    await opened.close();
    expect(aligner.threads).toEqual({ counterparts: false, align: false });
    await vi.waitFor(() =>
      expect(seen.at(-1)).toMatchObject({ state: 'failed', error: 'Align failed: the workspace was closed' }),
    );
    expect(JSON.parse(readFileSync(path, 'utf8')).suggestions).toEqual([]);
  });

  it('lets the Align thread go once idle, and starts it again for the next run', async () => {
    const h = workerHost(files, { alignIdleMs: 100 });
    try {
      await h.align({ top: 10, concepts: DEFAULT_CONCEPTS, docs: pair }, () => {});
      expect(h.threads.align).toBe(true);
      await vi.waitFor(() => expect(h.threads.align).toBe(false), { timeout: 5000, interval: 50 });
      const again = await h.align({ top: 10, concepts: DEFAULT_CONCEPTS, docs: pair }, () => {});
      expect(again.alignments.length).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('fails only the Align run when its thread crashes; questions are still answered', async () => {
    const crashing = workerFile('align-crash.mjs', `process.exit(3);\n`);
    const throwing = workerFile(
      'align-throw.mjs',
      `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('out of memory in a test'); });\n`,
    );
    for (const [align, message] of [
      [crashing, 'the Align worker stopped unexpectedly (exit code 3)'],
      [throwing, 'the Align worker failed: out of memory in a test'],
    ]) {
      const h = workerHost({ counterparts: files.counterparts, align });
      try {
        await h.counterparts(small, { doc: 'one', start: 0, end: 0 });
        await expect(h.align({ top: 10, concepts: DEFAULT_CONCEPTS, docs: pair }, () => {})).rejects.toThrow(message);
        const answer = await h.counterparts(small, { doc: 'one', start: 0, end: 0 });
        expect(answer.matches[0].text).toContain('Dredging the harbour channel');
        expect(h.threads.counterparts).toBe(true);
      } finally {
        await h.close();
      }
    }
  });

  it('fails only the question its thread crashed on, restarts it for the next, and the Align run goes on', async () => {
    // The real counterparts worker, which dies on a question about a document named "crash".
    const counterparts = workerFile(
      'counterparts-crash.mjs',
      `import { parentPort } from 'node:worker_threads';
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, (m) => (m.type === 'counterparts' && m.query.doc === 'crash' ? process.exit(5) : listener(m)));
await import(${JSON.stringify(pathToFileURL(files.counterparts).href)});
`,
    );
    const h = workerHost({ counterparts, align: files.align });
    let loads = 0;
    const source: CorpusSource = { key: 'small', load: () => (loads++, small.load()) };
    try {
      await h.counterparts(source, { doc: 'one', start: 0, end: 0 });
      const { run, underWay } = alignUnderWay(h, await longCorpus());
      await underWay;
      await expect(h.counterparts(source, { doc: 'crash', start: 0, end: 0 })).rejects.toThrow(
        "the aligner's counterparts worker stopped unexpectedly (exit code 5)",
      );
      const answer = await h.counterparts(source, { doc: 'one', start: 0, end: 0 });
      expect(answer.matches[0].text).toContain('Dredging the harbour channel');
      // The new thread was handed the corpus again.
      expect(loads).toBe(2);
      expect((await run).alignments.length).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });

  it('says which thread could not start when its file is missing, and the other still works', async () => {
    const h = workerHost({ counterparts: join(tmpdir(), 'parallax-no-such-worker.js'), align: files.align });
    try {
      h.prepare(small);
      await expect(h.counterparts(small, { doc: 'one', start: 0, end: 0 })).rejects.toThrow(
        /^the aligner's counterparts worker failed: Cannot find module/,
      );
      const out = await h.align({ top: 10, concepts: DEFAULT_CONCEPTS, docs: pair }, () => {});
      expect(out.alignments.length).toBe(1);
    } finally {
      await h.close();
    }
  });
});
