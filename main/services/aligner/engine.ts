/**
 * What the aligner's worker keeps between requests: the corpus it was last given and
 * its counterpart index, built on the first query after the corpus changes. With
 * `semantic` on, building the index also starts embedding its passages in the
 * background (cached in a sidecar file beside the workspace); queries answer at once
 * from the lexical index and are refined once the embeddings are in. The same engine
 * runs in the worker thread (built app) and in-process (tests, development; lexical).
 */
import type { RefineProgress } from '../../../common/api';
import type { Counterparts } from '../../../common/model';
import { alignDocuments, type AlignOutput } from './align';
import type { Concept } from './concepts';
import { CounterpartIndex, type CounterpartQuery } from './counterparts';
import type { AlignInput } from './passages';
import { EmbeddingCache } from './semantic/cache';
import { ENCODER_VERSION, loadEncoder, type SentenceEncoder } from './semantic/encoder';
import { embedAll } from './semantic/refine';

/** A set of documents and concepts, named by a key that changes when any of them does. */
export interface Corpus {
  key: string;
  docs: AlignInput[];
  concepts: Concept[];
  /** Where the embeddings of its passages are cached (none: not kept). */
  cachePath?: string;
}

export interface AlignRequest {
  docs: AlignInput[];
  concepts: Concept[];
  top: number;
}

export type Progress = (stage: string, done: number, total: number) => void;

export interface EngineOptions {
  /** Refine counterparts with sentence embeddings. */
  semantic?: boolean;
  /**
   * The encoder (default: Universal Sentence Encoder lite), loaded only when a passage is
   * not in the cache: a workspace whose embeddings are all cached is refined without it.
   */
  encoder?: () => Promise<SentenceEncoder>;
  /** The version of the embeddings `encoder` makes (cached embeddings of another are dropped). */
  encoderVersion?: string;
  /** Told how refining the corpus held goes: as passages are embedded, then refined or failed. */
  onRefine?: (progress: RefineProgress) => void;
}

export class AlignerEngine {
  private corpus?: Corpus;
  private index?: CounterpartIndex;
  private generation = 0;
  private progress?: { done: number; total: number };
  private cache?: EmbeddingCache;
  /** The encoder while refining runs use it (see acquireEncoder). */
  private encoder?: Promise<SentenceEncoder>;
  /** Refining runs under way. */
  private refining = 0;
  /** Why refining failed, if it did (queries stay lexical). */
  refineError?: string;

  constructor(private readonly options: EngineOptions = {}) {}

  /** The key of the corpus held, if any. */
  get corpusKey(): string | undefined {
    return this.corpus?.key;
  }

  setCorpus(corpus: Corpus): void {
    if (corpus.key === this.corpus?.key) return;
    this.corpus = corpus;
    this.index = undefined;
    this.progress = undefined;
    this.generation++;
    this.refineError = undefined;
  }

  /** Whether counterpart queries are answered refined by sentence embeddings now. */
  get refined(): boolean {
    return this.index?.refined ?? false;
  }

  /** Builds the counterpart index of the corpus held (and starts refining it), if not built yet. */
  prepare(): CounterpartIndex {
    if (!this.corpus) throw new Error('the aligner has no documents yet');
    if (!this.index) {
      this.index = new CounterpartIndex(this.corpus.docs, this.corpus.concepts);
      this.index.prepare();
      if (this.options.semantic) void this.refine(this.index, this.corpus.cachePath);
    }
    return this.index;
  }

  counterparts(query: CounterpartQuery): Counterparts {
    const index = this.prepare();
    const result = index.query(query);
    if (index.refined) return result;
    if (this.refineError) return { ...result, error: `Ranked by words only: ${this.refineError}`.slice(0, 500) };
    return this.progress ? { ...result, progress: { ...this.progress } } : result;
  }

  /** Embeds the index's passages (cached ones from the sidecar) and refines it; resolves when done. */
  async refine(index: CounterpartIndex, cachePath: string | undefined): Promise<void> {
    const generation = this.generation;
    this.refining++;
    try {
      const version = this.options.encoderVersion ?? ENCODER_VERSION;
      if (!this.cache || this.cache.path !== cachePath || this.cache.version !== version) {
        this.cache = await EmbeddingCache.open(cachePath, version);
      }
      const encoder: SentenceEncoder = {
        version,
        embed: async (texts) => {
          const real = await this.acquireEncoder();
          if (real.version !== version) throw new Error(`the encoder makes ${real.version}, not ${version}`);
          return real.embed(texts);
        },
      };
      const texts = index.passages.map((_, i) => index.textOf(i));
      const vectors = await embedAll(texts, encoder, this.cache, {
        cancelled: () => generation !== this.generation,
        onProgress: (done, total) => {
          if (generation !== this.generation) return;
          this.progress = { done, total };
          this.options.onRefine?.({ state: 'embedding', done, total });
        },
      });
      if (vectors && generation === this.generation) {
        index.setDense(vectors);
        this.progress = undefined;
        this.options.onRefine?.({ state: 'refined', done: vectors.length, total: vectors.length });
      }
    } catch (err) {
      this.refineError = err instanceof Error ? err.message : String(err);
      this.progress = undefined;
      if (generation === this.generation)
        this.options.onRefine?.({ state: 'failed', done: 0, total: 0, error: this.refineError.slice(0, 500) });
    } finally {
      this.refining--;
      if (this.refining === 0) await this.releaseEncoder();
    }
  }

  /**
   * The one encoder of this engine, loaded when a passage first needs embedding and shared
   * by every run meanwhile (a run stopped by an edit and the one that follows it).
   */
  private acquireEncoder(): Promise<SentenceEncoder> {
    return (this.encoder ??= (this.options.encoder ?? loadEncoder)());
  }

  /** Once no run needs it, the encoder's threads and weights are let go (loaded again when needed). */
  private async releaseEncoder(): Promise<void> {
    const loading = this.encoder;
    this.encoder = undefined;
    if (!loading) return;
    try {
      await (await loading).close?.();
    } catch {
      // It failed to load: nothing to free.
    }
  }

  /** Stops embedding and frees the encoder (the workspace is closing). */
  async close(): Promise<void> {
    this.generation++;
    this.corpus = undefined;
    this.index = undefined;
    await this.releaseEncoder();
  }

  align(request: AlignRequest, onProgress: Progress): AlignOutput {
    return alignDocuments(request.docs, { top: request.top, concepts: request.concepts, onProgress });
  }
}
