import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../common/model';
import { counterpartsFromSuggestions, inContext } from '../../../renderer/src/compare/counterpart-source';
import { interpolate, monotonePairs } from '../../../renderer/src/compare/in-step';

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

function suggestion(id: string, a: [string, number, number], b: [string, number, number], score: number): Suggestion {
  const side = ([doc, start, end]: [string, number, number]) => ({
    doc,
    start,
    end,
    text: `${doc}:${start}`,
    revision: 0,
  });
  return {
    id,
    relation: 'agree',
    score,
    a: side(a),
    b: side(b),
    evidence: [{ kind: 'negation', a: [a[1], a[1] + 2], b: null, note: 'not on one side' }],
    status: 'suggested',
  } as Suggestion;
}

describe('counterparts from stored suggestions', () => {
  const list = [
    suggestion('s1', ['x', 10, 50], ['y', 100, 140], 0.4),
    suggestion('s2', ['z', 0, 30], ['x', 20, 60], 0.6),
    suggestion('s3', ['x', 200, 240], ['y', 0, 10], 0.9),
    suggestion('s4', ['x', 12, 48], ['y', 300, 320], 0.3),
  ];

  it('finds the passages holding the cursor and their other sides, best first', () => {
    const answer = counterpartsFromSuggestions(list, { doc: 'x', start: 25, end: 25 });
    expect(answer.matches.map((m) => `${m.doc}:${m.start}`)).toEqual(['z:0', 'y:100', 'y:300']);
    expect(answer.passage).toMatchObject({ doc: 'x', start: 20, end: 60 });
    // Evidence is turned to read from the asked passage to the match.
    expect(answer.matches[0].evidence[0]).toMatchObject({ a: null, b: [0, 2] });
  });

  it('limits the matches per document and finds none away from any suggestion', () => {
    expect(counterpartsFromSuggestions(list, { doc: 'x', start: 25, end: 25 }, 1).matches).toHaveLength(2);
    expect(counterpartsFromSuggestions(list, { doc: 'x', start: 100, end: 120 }).matches).toEqual([]);
  });
});

describe('a passage in its context', () => {
  it('shows the passage with its paragraph around it, cut with an ellipsis', () => {
    const text = 'First paragraph.\n\nBefore the passage. THE PASSAGE. After it, and much more text here.\n\nNext.';
    const start = text.indexOf('THE PASSAGE.');
    const c = inContext(text, { doc: 'd', start, end: start + 12, text: 'THE PASSAGE.' }, 12);
    expect(c.passage).toBe('THE PASSAGE.');
    expect(c.before).toBe('…passage. ');
    expect(c.after).toBe(' After it,…');
    const whole = inContext(text, { doc: 'd', start, end: start + 12, text: '' }, 500);
    expect(whole.before).toBe('Before the passage. ');
    expect(whole.after).toBe(' After it, and much more text here.');
  });
});
