/**
 * `npm run bench`: speed and memory of the aligner. Prints figures; asserts nothing.
 *
 * 1. The four samples, cold, through the command line (`parallax align --json`), as a
 *    user would run it: wall time of the whole process, median of 5 runs.
 * 2. Scale: ../shared/data/corpus-1787 (151 texts: all but the four reserved for
 *    independent evaluation) when present, else a generated corpus of the same size,
 *    aligned at 25 %, 50 % and 100 % of its documents, each in a fresh process: time to
 *    align and peak memory (max RSS); at 100 % also the counterpart index: time to build
 *    it and time per query (the 100 % process's total includes those 200 queries). Then the
 *    whole corpus through the command line, as a user would run it.
 * 3. The semantic pass (scripts/bench-semantic.ts): samples always, the corpus with
 *    `npm run bench -- --semantic-corpus` (minutes).
 * 4. Responsiveness (scripts/bench-worker.ts): counterpart questions answered while an Align
 *    of the whole corpus runs, and the memory of the process meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments, alignInputOf } from '../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../main/services/aligner/concepts';
import { CounterpartIndex } from '../main/services/aligner/counterparts';
import { documentFromText } from '../main/services/sources';
import { corpusFiles, dataDir, root } from './lib/data';

const corpusDir = join(dataDir(), 'corpus-1787');

/** A deterministic stand-in corpus: documents of sentences drawn from shared topic vocabularies. */
function generatedCorpus(docCount: number, wordsPerDoc: number): { name: string; text: string }[] {
  let seed = 1787;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const syllables = ['ka', 'ro', 'mi', 'ten', 'sul', 'dra', 'po', 'vek', 'li', 'nor', 'ast', 'gen', 'ul', 'fe', 'tor'];
  const word = () => {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(rand() * syllables.length)];
    return w;
  };
  const common = ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'be', 'it', 'by', 'not', 'which', 'this'];
  const topics = Array.from({ length: 40 }, () => Array.from({ length: 60 }, word));
  const general = Array.from({ length: 3000 }, word);
  const docs: { name: string; text: string }[] = [];
  for (let d = 0; d < docCount; d++) {
    const mine = [topics[d % 40], topics[(d * 7 + 3) % 40]];
    const sentences: string[] = [];
    let words = 0;
    while (words < wordsPerDoc) {
      const len = 12 + Math.floor(rand() * 20);
      const s: string[] = [];
      for (let i = 0; i < len; i++) {
        const r = rand();
        s.push(
          r < 0.45
            ? common[Math.floor(rand() * common.length)]
            : r < 0.75
              ? mine[Math.floor(rand() * 2)][Math.floor(rand() * 60)]
              : general[Math.floor(rand() * general.length)],
        );
      }
      s[0] = s[0][0].toUpperCase() + s[0].slice(1);
      sentences.push(`${s.join(' ')}.`);
      words += len;
    }
    docs.push({ name: `generated-${d + 1}.txt`, text: sentences.join(' ') });
  }
  return docs;
}

function corpus(): { source: string; files: { name: string; text: string }[] } {
  if (existsSync(corpusDir)) {
    return {
      source: `${corpusDir} (without its four reserved texts)`,
      files: corpusFiles().map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') })),
    };
  }
  return { source: 'generated (corpus-1787 not found)', files: generatedCorpus(155, 2480) };
}

/** Child mode: align a share of the corpus and report time and memory as JSON. */
function child(share: number): void {
  const { files } = corpus();
  const count = Math.max(2, Math.round(files.length * share));
  const loadStart = performance.now();
  const docs = files.slice(0, count).map((f) => alignInputOf(documentFromText(f.text, f.name)));
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  const started = performance.now();
  const out = alignDocuments(docs, { top: 100 });
  const alignMs = performance.now() - started;
  let counterparts: { buildMs: number; p50: number; p95: number } | undefined;
  if (share === 1) {
    const t = performance.now();
    const index = new CounterpartIndex(docs, DEFAULT_CONCEPTS);
    const buildMs = performance.now() - t;
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const p = index.passages[(i * 7919) % index.passages.length];
      const q = performance.now();
      index.query({ doc: docs[p.doc].id, start: p.start, end: p.start });
      times.push(performance.now() - q);
    }
    times.sort((a, b) => a - b);
    counterparts = { buildMs, p50: times[100], p95: times[190] };
  }
  process.stdout.write(
    JSON.stringify({
      docs: count,
      words,
      loadMs: started - loadStart,
      alignMs,
      counterparts,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      alignments: out.alignments.length,
    }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const cli = join(root, 'bin', 'parallax.js');
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
    console.error('bench: out/main/cli.js is missing; run `npm run build` first.');
    process.exit(1);
  }
  console.log('Aligning the four samples, cold, from the command line (parallax align --json)');
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'align', '--json'], { encoding: 'utf8' });
    walls.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`parallax align failed: ${r.stderr}`);
  }
  console.log(
    `  wall time, median of 5: ${median(walls).toFixed(0)} ms (runs: ${walls.map((w) => w.toFixed(0)).join(', ')})`,
  );

  const { source, files } = corpus();
  console.log(`\nScale: ${source}, ${files.length} documents`);
  console.log('  share  docs    words  align (s)  total process (s)  max RSS (MB)  alignments');
  for (const share of [0.25, 0.5, 1]) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(share)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const wall = performance.now() - t;
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
    const f = JSON.parse(r.stdout) as {
      docs: number;
      words: number;
      alignMs: number;
      maxRssMb: number;
      alignments: number;
      counterparts?: { buildMs: number; p50: number; p95: number };
    };
    console.log(
      `  ${`${share * 100}%`.padStart(5)}  ${String(f.docs).padStart(4)}  ${String(f.words).padStart(7)}  ${(f.alignMs / 1000).toFixed(2).padStart(9)}  ${(wall / 1000).toFixed(2).padStart(17)}  ${f.maxRssMb.toFixed(0).padStart(12)}  ${String(f.alignments).padStart(10)}`,
    );
    if (f.counterparts) {
      console.log(
        `         counterpart index: built in ${(f.counterparts.buildMs / 1000).toFixed(2)} s; a query (3 matches in each of ${f.docs - 1} texts) p50 ${f.counterparts.p50.toFixed(0)} ms, p95 ${f.counterparts.p95.toFixed(0)} ms`,
      );
    }
  }
  if (existsSync(corpusDir)) {
    // What a user runs: the whole process, reading the files included (median of 3).
    const runs: { wall: number; rss: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      // GNU time reports the peak memory; without it, only the time is measured.
      const timed = existsSync('/usr/bin/time');
      const args = [cli, 'align', ...corpusFiles(), '--json'];
      const r = timed
        ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
        : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      const wall = performance.now() - t;
      if (r.status !== 0) throw new Error(`parallax align failed: ${r.stderr}`);
      runs.push({ wall, rss: timed ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN });
    }
    runs.sort((a, b) => a.wall - b.wall);
    console.log(
      `  the whole corpus from the command line (parallax align FILE… --json), cold, median of 3: ${(runs[1].wall / 1000).toFixed(2)} s, max RSS ${runs[1].rss.toFixed(0)} MB`,
    );
  }
  console.log('  targets: all of it in ≤ 4 s and < 1 GB on 2 cores');

  const semantic = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts', 'bench-semantic.ts'),
      ...(process.argv.includes('--semantic-corpus') ? ['--corpus'] : []),
    ],
    { stdio: 'inherit' },
  );
  if (semantic.status !== 0) throw new Error('the semantic benchmark failed');

  const responsive = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-worker.ts')], {
    stdio: 'inherit',
  });
  if (responsive.status !== 0) throw new Error('the responsiveness benchmark failed');

  const annotations = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-annotations.ts')], {
    stdio: 'inherit',
  });
  if (annotations.status !== 0) throw new Error('the annotation benchmark failed');

  const overviews = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-overviews.ts')], {
    stdio: 'inherit',
  });
  if (overviews.status !== 0) throw new Error('the overview benchmark failed');
  const comparing = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-compare.ts')], {
    stdio: 'inherit',
  });
  if (comparing.status !== 0) throw new Error('the comparison benchmark failed');
  const io = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-io.ts')], {
    stdio: 'inherit',
  });
  if (io.status !== 0) throw new Error('the import and export benchmark failed');
}

const at = process.argv.indexOf('--child');
if (at >= 0) child(Number(process.argv[at + 1]));
else main();
