import { describe, expect, it } from 'vitest';
import { inContext } from '../../../renderer/src/compare/counterpart-source';
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
