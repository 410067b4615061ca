/**
 * `npm run eval`: how well the aligner finds and labels what an analyst would, beside a
 * plain TF-IDF + cosine script measured in the same run.
 *
 * Sets: the samples' tune pairs (tests/fixtures/alignment-labels.json, split "tune") and
 * the corpus-1787 tune pairs (tests/fixtures/corpus-1787-tune-labels.json, from texts the
 * fresh set does not use), printed always; with --heldout also the samples' held-out
 * pairs and the fresh corpus-1787 set (tests/fixtures/corpus-1787-labels.json, never
 * tuned on). Corpus pairs are aligned within the whole corpus-1787 but for its four
 * reserved texts. For each: counterpart
 * hit@1/3/5, labelled pairs among the top 100/300 suggestions, conflict precision and
 * recall. Then secondary checks of the relation classifier (Kennedy–Nixon, PERSPECTRUM).
 *
 *   npm run eval                 tune figures and secondary checks
 *   npm run eval -- --heldout    also the held-out sets
 *   npm run eval -- --semantic   also counterparts refined with sentence embeddings (cached
 *                                in node_modules/.cache/parallax; the corpus takes minutes cold)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { alignDocuments, alignInputOf } from '../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../main/services/aligner/concepts';
import { CounterpartIndex } from '../main/services/aligner/counterparts';
import type { AlignInput } from '../main/services/aligner/passages';
import { EmbeddingCache } from '../main/services/aligner/semantic/cache';
import { loadEncoder } from '../main/services/aligner/semantic/encoder';
import { embedAll } from '../main/services/aligner/semantic/refine';
import { readDocumentFolder } from '../main/services/sources';
import { TfidfBaseline } from './lib/baseline';
import { corpusFiles, readCorpus, root } from './lib/data';
import { loadLabels, resolveLabels, type ResolvedPair } from './lib/labels';
import { counterpartRanks, partnerRanks, report } from './lib/measures';
import { pcc, perspectrum } from './lib/secondary';

const heldout = process.argv.includes('--heldout');
const semantic = process.argv.includes('--semantic');
const FRESH = join(root, 'tests', 'fixtures', 'corpus-1787-labels.json');
const CORPUS_TUNE = join(root, 'tests', 'fixtures', 'corpus-1787-tune-labels.json');

/** Everything a set's report needs that depends only on its documents. */
async function prepare(docs: AlignInput[], name: string) {
  const started = performance.now();
  const alignments = alignDocuments(docs, { top: 300 }).alignments;
  const alignMs = performance.now() - started;
  const index = new CounterpartIndex(docs, DEFAULT_CONCEPTS);
  const baseline = new TfidfBaseline(docs);
  let refined: CounterpartIndex | undefined;
  if (semantic) {
    refined = new CounterpartIndex(docs, DEFAULT_CONCEPTS);
    const dir = join(root, 'node_modules', '.cache', 'parallax');
    mkdirSync(dir, { recursive: true });
    const encoder = await loadEncoder();
    const cache = await EmbeddingCache.open(join(dir, `eval-${name}.embeddings`), encoder.version);
    const t = performance.now();
    const texts = refined.passages.map((_, i) => refined!.textOf(i));
    refined.setDense(
      (await embedAll(texts, encoder, cache, {
        onProgress: (done, total) => process.stderr.write(`\rembedding ${name}: ${done}/${total}`),
      }))!,
    );
    process.stderr.write(
      `\n${name}: ${texts.length} passages embedded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
  }
  return { alignments, alignMs, index, refined, baseline, baselinePairs: baseline.topPairs(300) };
}

function evaluate(
  name: string,
  docs: AlignInput[],
  pairs: ResolvedPair[],
  prepared: Awaited<ReturnType<typeof prepare>>,
): void {
  const ranks = counterpartRanks(docs, pairs, prepared.index, prepared.baseline);
  if (prepared.refined) {
    const refined = partnerRanks(pairs, prepared.refined);
    ranks.refined = refined.parallax;
    ranks.refinedFocus = refined.parallaxFocus;
  }
  report(name, pairs, docs, ranks, { parallax: prepared.alignments, baseline: prepared.baselinePairs });
}

const samples = (await readDocumentFolder(join(root, 'samples'))).map(alignInputOf);
const sampleLabels = resolveLabels(loadLabels(), samples);
const onSamples = await prepare(samples, 'samples');
console.log(`Samples: ${samples.length} documents, aligned in ${onSamples.alignMs.toFixed(0)} ms`);
evaluate(
  'samples, tune pairs',
  samples,
  sampleLabels.filter((l) => l.split === 'tune'),
  onSamples,
);

const corpus = corpusFiles().length > 0 ? await readCorpus() : undefined;
const onCorpus = corpus ? await prepare(corpus, 'corpus-1787') : undefined;
if (!corpus || !onCorpus) {
  console.log('\ncorpus-1787 not found (../shared/data or PARALLAX_DATA): its tune and fresh sets are skipped.');
} else {
  console.log(
    `\ncorpus-1787 without its four reserved texts: ${corpus.length} documents, aligned in ${onCorpus.alignMs.toFixed(0)} ms`,
  );
  evaluate('corpus-1787, tune pairs', corpus, resolveLabels(loadLabels(CORPUS_TUNE), corpus), onCorpus);
}

if (heldout) {
  evaluate(
    'samples, held-out pairs',
    samples,
    sampleLabels.filter((l) => l.split === 'heldout'),
    onSamples,
  );
  if (corpus && onCorpus) {
    evaluate('corpus-1787, fresh held-out set', corpus, resolveLabels(loadLabels(FRESH), corpus), onCorpus);
  }
} else {
  console.log('\nHeld-out sets (samples held-out, fresh corpus-1787) are printed only with --heldout.');
}

pcc();
perspectrum();
