/**
 * Import and export benchmark (part of `npm run bench`; figures only, nothing asserted).
 *
 * 1. Import: corpus-1787 through `parallax import` into a new workspace, as a user
 *    would run it — the 151 texts Parallax may use (the four reserved for independent
 *    evaluation are never opened), or a generated corpus of the same size when the
 *    corpus is absent. Wall time of the whole process, median of 3.
 * 2. Export: the four samples with 10,000 annotations (notes on every tenth) and 500
 *    links, written in every format; time per format, median of 3, and the file size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteAt } from '../common/anchoring';
import type { ExportFormat } from '../common/api';
import type { Annotation, Link } from '../common/model';
import { textOf } from '../main/services/annotations/anchors';
import { openWorkspace } from '../main/services/app';
import { exportWorkspace } from '../main/services/export/service';
import { corpusFiles, root } from './lib/data';

const ANNOTATIONS = 10_000;
const LINKS = 500;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** The corpus files, or as many generated ones of similar size in a temporary folder. */
function importFiles(dir: string): { source: string; files: string[] } {
  const files = corpusFiles();
  if (files.length)
    return { source: `corpus-1787 (${files.length} texts; the 4 reserved ones are never opened)`, files };
  const rnd = random(3);
  const words = ['union', 'liberty', 'states', 'power', 'congress', 'people', 'taxes', 'courts', 'army', 'republic'];
  mkdirSync(join(dir, 'generated'));
  const out: string[] = [];
  for (let d = 0; d < 155; d++) {
    const paragraphs = Array.from({ length: 30 }, () =>
      Array.from({ length: 80 }, () => words[Math.floor(rnd() * words.length)]).join(' '),
    );
    const path = join(dir, 'generated', `text-${d}.txt`);
    writeFileSync(path, paragraphs.join('.\n\n'));
    out.push(path);
  }
  return { source: 'generated corpus (corpus-1787 not found), 155 texts', files: out };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-io-'));
  try {
    const { source, files } = importFiles(dir);
    const walls: number[] = [];
    for (let run = 0; run < 3; run++) {
      const workspace = join(dir, `import-${run}.json`);
      const t = performance.now();
      const r = spawnSync(
        process.execPath,
        [join(root, 'bin', 'parallax.js'), 'import', ...files, '--workspace', workspace],
        {
          encoding: 'utf8',
        },
      );
      walls.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`parallax import failed: ${r.stderr.slice(-2000)}`);
    }
    console.log(`\nImport: ${source}, through parallax import into a new workspace`);
    console.log(
      `  wall time, median of 3: ${(median(walls) / 1000).toFixed(2)} s (runs: ${walls.map((w) => (w / 1000).toFixed(2)).join(', ')}); target < 10 s`,
    );

    const { store } = await openWorkspace(join(dir, 'export.json'), 'browser');
    const rnd = random(11);
    const docs = store.data.documents;
    const tags = store.data.codebook.map((t) => t.id);
    const now = new Date().toISOString();
    const passage = (doc: (typeof docs)[number]) => {
      const text = textOf(doc);
      const start = Math.floor(rnd() * (text.length - 200));
      const end = start + 20 + Math.floor(rnd() * 150);
      return { doc: doc.id, start, end, quote: quoteAt(text, start, end), revision: doc.revision };
    };
    const annotations: Annotation[] = [];
    for (let i = 0; i < ANNOTATIONS; i++) {
      annotations.push({
        id: `bench-${i}`,
        ...passage(docs[i % docs.length]),
        tags: [tags[i % tags.length]],
        note: i % 10 === 0 ? `Note ${i}: "quoted", with commas,\nand a second line.` : '',
        orphan: false,
        createdAt: now,
        updatedAt: now,
      });
    }
    const links: Link[] = [];
    for (let i = 0; i < LINKS; i++) {
      links.push({
        id: `bench-link-${i}`,
        relation: (['agree', 'conflict', 'related'] as const)[i % 3],
        ends: [
          { ...passage(docs[i % docs.length]), orphan: false },
          { ...passage(docs[(i + 1) % docs.length]), orphan: false },
        ],
        tags: [],
        note: i % 5 === 0 ? 'They differ.' : '',
        createdAt: now,
        updatedAt: now,
      });
    }
    await store.update((data) => {
      data.annotations = annotations;
      data.links = links;
    });
    console.log(
      `\nExport: the four samples with ${ANNOTATIONS.toLocaleString('en')} annotations and ${LINKS} links, in-process`,
    );
    console.log('  format   time (ms, median of 3)   size');
    const only = process.env.PARALLAX_BENCH_FORMATS?.split(',') as ExportFormat[] | undefined;
    for (const format of only ?? (['csv', 'json', 'html', 'docx', 'md', 'qdpx'] as ExportFormat[])) {
      const times: number[] = [];
      const out = join(dir, `out.${format}`);
      for (let run = 0; run < 3; run++) {
        const t = performance.now();
        await exportWorkspace(store, format, out);
        times.push(performance.now() - t);
      }
      console.log(
        `  ${format.padEnd(6)}  ${median(times).toFixed(0).padStart(22)}   ${(statSync(out).size / 1048576).toFixed(1)} MB`,
      );
    }
    console.log('  target: < 3 s each');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
