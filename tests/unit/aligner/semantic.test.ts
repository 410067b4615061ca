import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignInputOf } from '../../../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import type { RefineProgress } from '../../../common/api';
import { AlignerEngine } from '../../../main/services/aligner/engine';
import { EmbeddingCache, textKey } from '../../../main/services/aligner/semantic/cache';
import { DIMENSIONS, unit, type SentenceEncoder } from '../../../main/services/aligner/semantic/encoder';
import { embedAll } from '../../../main/services/aligner/semantic/refine';
import { documentFromText } from '../../../main/services/sources';

/** A stand-in encoder: a vector from the letters of the text, counting what it embeds. */
function fakeEncoder(version = 'fake-1'): SentenceEncoder & { embedded: string[] } {
  const embedded: string[] = [];
  return {
    version,
    embedded,
    async embed(texts) {
      embedded.push(...texts);
      return texts.map((t) => {
        const v = new Float32Array(DIMENSIONS);
        for (const ch of t.toLowerCase()) v[ch.charCodeAt(0) % DIMENSIONS] += 1;
        return unit(v);
      });
    },
  };
}

const tmp = () => join(mkdtempSync(join(tmpdir(), 'parallax-emb-')), 'w.json.embeddings');

describe('the embedding cache beside the workspace', () => {
  it('embeds only texts it has not seen, and keeps them across openings', async () => {
    const path = tmp();
    const enc = fakeEncoder();
    const first = await embedAll(
      ['one harbour', 'two ferries', 'one harbour'],
      enc,
      await EmbeddingCache.open(path, enc.version),
    );
    expect(first).toHaveLength(3);
    expect(enc.embedded.sort()).toEqual(['one harbour', 'two ferries']);
    enc.embedded.length = 0;
    const again = await embedAll(['two ferries', 'three docks'], enc, await EmbeddingCache.open(path, enc.version));
    expect(enc.embedded).toEqual(['three docks']);
    expect(Array.from(again![0])).toEqual(Array.from(first![1]));
  });

  it('is thrown away for another model version, and when damaged', async () => {
    const path = tmp();
    const v1 = fakeEncoder('fake-1');
    await embedAll(['one harbour'], v1, await EmbeddingCache.open(path, v1.version));
    expect((await EmbeddingCache.open(path, 'fake-1')).size).toBe(1);
    expect((await EmbeddingCache.open(path, 'fake-2')).size).toBe(0);
    writeFileSync(path, readFileSync(path).subarray(0, 40));
    expect((await EmbeddingCache.open(path, 'fake-1')).size).toBe(0);
    expect(textKey('a  b\n')).toBe(textKey('a b'));
  });

  it('drops passages no text holds any more, so the file does not grow without end', async () => {
    const path = tmp();
    const enc = fakeEncoder();
    await embedAll(['one harbour', 'two ferries'], enc, await EmbeddingCache.open(path, enc.version));
    await embedAll(['two ferries'], enc, await EmbeddingCache.open(path, enc.version));
    expect((await EmbeddingCache.open(path, enc.version)).size).toBe(1);
  });
});

describe('refined counterparts', () => {
  const doc = (name: string, body: string) =>
    alignInputOf(documentFromText(`---\ntitle: ${name}\n---\n\n${body}\n`, `${name}.md`));
  const docs = [
    doc('a', 'The harbour dredging programme will deepen the channel for container vessels.'),
    doc('b', 'Dredging the harbour channel lets larger container vessels dock. Orchards need rain in spring.'),
  ];

  it('answer lexically at once, with progress, then refined once the embeddings are in', async () => {
    const enc = fakeEncoder();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const engine = new AlignerEngine({
      semantic: true,
      encoder: async () => {
        await gate;
        return enc;
      },
      encoderVersion: enc.version,
    });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    const first = engine.counterparts({ doc: 'a', start: 0, end: 0 });
    expect(first.state).toBe('lexical');
    release();
    for (let i = 0; i < 50 && engine.counterparts({ doc: 'a', start: 0, end: 0 }).state === 'lexical'; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const refined = engine.counterparts({ doc: 'a', start: 0, end: 0 });
    expect(refined.state).toBe('refined');
    expect(refined.progress).toBeUndefined();
    expect(refined.matches[0].text).toContain('Dredging the harbour channel');
    expect(refined.matches[0].similarity).toBeGreaterThan(0);
  });

  it('tell how refining goes as it goes: embedding n of m, then refined', async () => {
    const enc = fakeEncoder();
    const told: RefineProgress[] = [];
    const engine = new AlignerEngine({
      semantic: true,
      encoder: async () => enc,
      encoderVersion: enc.version,
      onRefine: (p) => told.push(p),
    });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    engine.prepare();
    for (let i = 0; i < 50 && told.at(-1)?.state !== 'refined'; i++) await new Promise((r) => setTimeout(r, 5));
    const total = engine.prepare().passages.length;
    expect(told[0]).toEqual({ state: 'embedding', done: 0, total });
    expect(told.at(-2)).toEqual({ state: 'embedding', done: total, total });
    expect(told.at(-1)).toEqual({ state: 'refined', done: total, total });
    expect(engine.counterparts({ doc: 'a', start: 0, end: 0 }).state).toBe('refined');
  });

  it('tell that refining failed, and why', async () => {
    const told: RefineProgress[] = [];
    const engine = new AlignerEngine({
      semantic: true,
      encoder: () => Promise.reject(new Error('no model')),
      onRefine: (p) => told.push(p),
    });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS });
    engine.prepare();
    for (let i = 0; i < 50 && told.at(-1)?.state !== 'failed'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(told.at(-1)).toEqual({ state: 'failed', done: 0, total: 0, error: 'no model' });
  });

  it('refine from the cache alone, without loading the encoder, when every passage is cached', async () => {
    const cachePath = tmp();
    const enc = fakeEncoder();
    const warm = new AlignerEngine({ semantic: true, encoder: async () => enc, encoderVersion: enc.version });
    warm.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath });
    warm.counterparts({ doc: 'a', start: 0, end: 0 });
    for (let i = 0; i < 50 && warm.counterparts({ doc: 'a', start: 0, end: 0 }).state === 'lexical'; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    let loads = 0;
    const cold = new AlignerEngine({
      semantic: true,
      encoder: async () => {
        loads++;
        return enc;
      },
      encoderVersion: enc.version,
    });
    cold.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath });
    cold.counterparts({ doc: 'a', start: 0, end: 0 });
    for (let i = 0; i < 50 && cold.counterparts({ doc: 'a', start: 0, end: 0 }).state === 'lexical'; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(cold.counterparts({ doc: 'a', start: 0, end: 0 }).state).toBe('refined');
    expect(loads).toBe(0);
  });

  it('build the index and embed the passages when prepared, before the first question', async () => {
    const enc = fakeEncoder();
    const engine = new AlignerEngine({ semantic: true, encoder: async () => enc, encoderVersion: enc.version });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    engine.prepare();
    for (let i = 0; i < 400 && !engine.refined; i++) await new Promise((r) => setTimeout(r, 5));
    expect(enc.embedded.length).toBe(3);
    // The very first query is answered from the embeddings already computed.
    expect(engine.counterparts({ doc: 'a', start: 0, end: 0 }).state).toBe('refined');
  });

  it('load one encoder for a run, free it when the run ends, and load one again for the next', async () => {
    let loads = 0;
    let closes = 0;
    const engine = new AlignerEngine({
      semantic: true,
      encoder: async () => {
        loads++;
        return { ...fakeEncoder(), close: async () => void closes++ };
      },
      encoderVersion: 'fake-1',
    });
    const waitRefined = async () => {
      for (let i = 0; i < 400 && !engine.refined; i++) await new Promise((r) => setTimeout(r, 5));
      for (let i = 0; i < 400 && closes < loads; i++) await new Promise((r) => setTimeout(r, 5));
    };
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    engine.prepare();
    await waitRefined();
    expect([loads, closes]).toEqual([1, 1]);
    // An edit: the next corpus is embedded by a new encoder, freed again afterwards.
    const edited = [docs[0], doc('b', 'Dredging the harbour channel lets larger container vessels dock at night.')];
    engine.setCorpus({ key: 'k2', docs: edited, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    engine.prepare();
    await waitRefined();
    expect([loads, closes]).toEqual([2, 2]);
  });

  it('say why it stays lexical when the encoder makes embeddings of another version', async () => {
    const engine = new AlignerEngine({
      semantic: true,
      encoder: async () => fakeEncoder('fake-2'),
      encoderVersion: 'fake-1',
    });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS, cachePath: tmp() });
    engine.prepare();
    for (let i = 0; i < 400 && !engine.refineError; i++) await new Promise((r) => setTimeout(r, 5));
    expect(engine.refineError).toMatch(/fake-2, not fake-1/);
    const answer = engine.counterparts({ doc: 'a', start: 0, end: 0 });
    expect(answer.state).toBe('lexical');
    expect(answer.error).toMatch(/fake-2, not fake-1/);
  });

  it('stay lexical, and say why, when the encoder cannot load', async () => {
    const engine = new AlignerEngine({ semantic: true, encoder: () => Promise.reject(new Error('no model')) });
    engine.setCorpus({ key: 'k1', docs, concepts: DEFAULT_CONCEPTS });
    expect(engine.counterparts({ doc: 'a', start: 0, end: 0 }).state).toBe('lexical');
    await new Promise((r) => setTimeout(r, 10));
    expect(engine.refineError).toBe('no model');
    expect(engine.counterparts({ doc: 'a', start: 0, end: 0 }).state).toBe('lexical');
  });
});

describe('a long embedding run', () => {
  it('keeps what it embedded when it is stopped halfway (the corpus changed, the app quit)', async () => {
    const path = tmp();
    const enc = fakeEncoder();
    const texts = Array.from({ length: 100 }, (_, i) => `passage number ${i} about harbours`);
    let calls = 0;
    const out = await embedAll(texts, enc, await EmbeddingCache.open(path, enc.version), {
      batch: 10,
      cancelled: () => ++calls > 3,
    });
    expect(out).toBeUndefined();
    expect((await EmbeddingCache.open(path, enc.version)).size).toBe(30);
    enc.embedded.length = 0;
    await embedAll(texts, enc, await EmbeddingCache.open(path, enc.version), { batch: 10 });
    expect(enc.embedded).toHaveLength(70);
  });
});
