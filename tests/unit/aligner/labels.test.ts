import { describe, expect, it } from 'vitest';
import { alignInputOf, type Alignment } from '../../../main/services/aligner/align';
import { samplesDir } from '../../../main/services/paths';
import { readDocumentFolder } from '../../../main/services/sources';
import { loadLabels, matches, passageOf, resolveLabels } from '../../../scripts/lib/labels';

describe('the labelled evaluation set', () => {
  it('has at least 40 pairs of each kind of relation, 5 false friends and a held-out part', () => {
    const pairs = loadLabels();
    const positives = pairs.filter((p) => p.relation !== 'none');
    expect(positives.length).toBeGreaterThanOrEqual(40);
    for (const r of ['agree', 'conflict', 'related']) expect(positives.some((p) => p.relation === r)).toBe(true);
    expect(pairs.filter((p) => p.relation === 'none').length).toBeGreaterThanOrEqual(5);
    expect(pairs.filter((p) => p.split === 'heldout').length).toBeGreaterThanOrEqual(15);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it('quotes each side exactly once from the samples, and across documents', async () => {
    const docs = (await readDocumentFolder(samplesDir())).map(alignInputOf);
    const resolved = resolveLabels(loadLabels(), docs);
    for (const p of resolved) {
      expect(p.a.doc).not.toBe(p.b.doc);
      expect(p.spanA.end).toBeGreaterThan(p.spanA.start);
    }
  });

  it('widens a quote to its sentences and matches suggestions in either order', () => {
    const doc = {
      id: 'd',
      title: 't',
      authors: [],
      text: 'One two three. Four five six. Seven.',
      blocks: [{ kind: 'paragraph' as const, start: 0, end: 36 }],
    };
    expect(passageOf(doc, 'five')).toEqual({ start: 15, end: 29 });
    expect(() => passageOf(doc, 'nine')).toThrow(/not in d/);
    const pair = {
      id: 'x',
      split: 'tune' as const,
      relation: 'agree' as const,
      a: { doc: 'd', quote: 'five' },
      b: { doc: 'e', quote: 'x' },
      why: '',
      spanA: { start: 15, end: 29 },
      spanB: { start: 0, end: 5 },
    };
    const al = (a: [string, number, number], b: [string, number, number]): Alignment => ({
      id: '1',
      relation: 'agree',
      score: 1,
      confidence: 1,
      a: { doc: a[0], start: a[1], end: a[2], text: '' },
      b: { doc: b[0], start: b[1], end: b[2], text: '' },
      evidence: [],
    });
    expect(matches(al(['d', 0, 20], ['e', 3, 9]), pair)).toBe(true);
    expect(matches(al(['e', 3, 9], ['d', 0, 20]), pair)).toBe(true);
    expect(matches(al(['d', 0, 14], ['e', 3, 9]), pair)).toBe(false);
  });
});
