import { describe, expect, it } from 'vitest';
import { focusOf } from '../../../renderer/src/compare/counterpart-card';
import { interpolate, monotonePairs } from '../../../renderer/src/compare/in-step';
import { facingPairs } from '../../../renderer/src/compare/curves';
import { firstIndexWhere, firstIndexWhereNear } from '../../../renderer/src/compare/geometry';
import type { Link, Suggestion } from '../../../common/model';

describe('panes in step', () => {
  it('keeps the longest run of anchor pairs that never cross', () => {
    // (300, 50) would cross (100, 200) and (200, 400): scrolling by it would run backwards.
    const pairs: [number, number][] = [
      [200, 400],
      [100, 200],
      [300, 50],
      [400, 900],
    ];
    expect(monotonePairs(pairs)).toEqual([
      [100, 200],
      [200, 400],
      [400, 900],
    ]);
  });

  it('keeps one of several anchors at the same place', () => {
    expect(
      monotonePairs([
        [100, 300],
        [100, 200],
        [0, 0],
      ]),
    ).toHaveLength(2);
  });

  it('interpolates linearly between anchors and holds at the ends', () => {
    const pairs: [number, number][] = [
      [0, 0],
      [100, 300],
      [300, 400],
    ];
    expect(interpolate(pairs, 50)).toBe(150);
    expect(interpolate(pairs, 200)).toBe(350);
    expect(interpolate(pairs, 100)).toBe(300);
    expect(interpolate(pairs, 500)).toBe(400);
    expect(interpolate(pairs, -5)).toBe(0);
    expect(interpolate([], 42)).toBe(42);
  });
});

describe('a counterpart in its context', () => {
  const m = {
    doc: 'd',
    start: 100,
    end: 160,
    text: 'Before it. THE SENTENCE THAT MATCHED. After it, more text.',
    similarity: 0.4,
    relation: 'related' as const,
    confidence: 0.6,
    evidence: [],
  };
  it('takes the sentence that matched as the passage to show marked, link and scroll to', () => {
    const focus = { start: 111, end: 137 };
    expect(focusOf({ ...m, focus })).toEqual({ doc: 'd', ...focus, text: 'THE SENTENCE THAT MATCHED.' });
  });
  it('takes the whole match when it has no focus, or one outside it', () => {
    expect(focusOf(m)).toEqual({ doc: 'd', start: 100, end: 160, text: m.text });
    expect(focusOf({ ...m, focus: { start: 90, end: 120 } }).start).toBe(100);
  });
});

describe('finding the blocks on screen', () => {
  it('finds the first block past a line by halving, reading few boxes', () => {
    const bottoms = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const read: number[] = [];
    const after = (line: number) => (i: number) => (read.push(i), bottoms[i] > line);
    expect(firstIndexWhere(bottoms.length, after(35))).toBe(3);
    expect(read.length).toBeLessThanOrEqual(4);
    expect(firstIndexWhere(bottoms.length, after(0))).toBe(0);
    expect(firstIndexWhere(bottoms.length, after(100))).toBe(10);
    expect(firstIndexWhere(0, after(5))).toBe(0);
  });

  it('finds the same block from any guess, reading fewer boxes from a near one', () => {
    const bottoms = Array.from({ length: 300 }, (_, i) => (i + 1) * 10);
    for (const line of [-5, 0, 5, 1234, 1240, 2995, 3000, 5000])
      for (const guess of [0, 1, 120, 123, 124, 150, 299, 300, 400, -3]) {
        const expected = firstIndexWhere(bottoms.length, (i) => bottoms[i] > line);
        expect(firstIndexWhereNear(bottoms.length, (i) => bottoms[i] > line, guess)).toBe(expected);
      }
    const read: number[] = [];
    firstIndexWhereNear(bottoms.length, (i) => (read.push(i), bottoms[i] > 1234), 122);
    expect(read.length).toBeLessThanOrEqual(4);
  });
});

describe('which passages face each other across the gaps between panes', () => {
  const end = (doc: string, start: number) => ({
    doc,
    start,
    end: start + 10,
    quote: { exact: 'x', prefix: '', suffix: '' },
    revision: 1,
    orphan: false,
  });
  const link = (id: string, ...ends: ReturnType<typeof end>[]): Link => ({
    id,
    relation: 'agree',
    ends,
    tags: [],
    note: '',
    createdAt: '',
    updatedAt: '',
  });

  it('pairs the ends of each link in adjacent documents, left to right, and skips orphans', () => {
    const links = [
      link('ab', end('a', 0), end('b', 5)),
      link('ba', end('b', 7), end('a', 9)),
      link('ac', end('a', 1), end('c', 2)), // a and c are not adjacent
      link('abc', end('a', 3), end('b', 4), end('c', 6)), // one point, three authors
      link('orphan', end('b', 1), { ...end('c', 1), orphan: true }),
    ];
    const [ab, bc] = facingPairs(['a', 'b', 'c'], links);
    expect(ab.map(([l, r]) => [l.id, l.end.doc, l.end.start, r.end.doc, r.end.start])).toEqual([
      ['ab', 'a', 0, 'b', 5],
      ['ba', 'a', 9, 'b', 7],
      ['abc', 'a', 3, 'b', 4],
    ]);
    expect(bc.map(([l, r]) => [l.id, l.end.start, r.end.start])).toEqual([['abc', 4, 6]]);
  });

  it('adds the focused suggestion unless it was accepted, and the same document side by side', () => {
    const side = (doc: string, start: number) => ({ doc, start, end: start + 4, text: 'text', revision: 1 });
    const focused = {
      id: 's1',
      relation: 'conflict',
      score: 0.5,
      confidence: 0.5,
      a: side('b', 3),
      b: side('a', 8),
      evidence: [],
      status: 'suggested',
    } as Suggestion;
    const [ab] = facingPairs(['a', 'b'], [], focused);
    expect(ab.map(([l, r]) => [l.kind, l.end.start, r.end.start])).toEqual([['suggestion', 8, 3]]);
    expect(facingPairs(['a', 'b'], [], { ...focused, status: 'accepted' })[0]).toEqual([]);
    // A link within one document, shown in two panes, joins its own passages.
    const [aa] = facingPairs(['a', 'a'], [link('self', end('a', 1), end('a', 50))]);
    expect(aa.map(([l, r]) => [l.end.start, r.end.start])).toEqual([
      [1, 50],
      [50, 1],
    ]);
  });
});
