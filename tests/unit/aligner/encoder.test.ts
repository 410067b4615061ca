import { describe, expect, it } from 'vitest';
import { loadEncoder } from '../../../main/services/aligner/semantic/encoder';

const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i], 0);

// The one test that loads the real model (from the npm package, offline).
describe('the sentence encoder', () => {
  it('puts sentences that mean the same closer than unrelated ones', async () => {
    const encoder = await loadEncoder();
    const [a, b, c] = await encoder.embed([
      'The harbour board will renew the ferry licence.',
      'The port authority is extending the boat permit.',
      'Cats sleep most of the afternoon.',
    ]);
    expect(a).toHaveLength(512);
    expect(dot(a, a)).toBeCloseTo(1, 4);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.2);
  }, 60_000);
});
