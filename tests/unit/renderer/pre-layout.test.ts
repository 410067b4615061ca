import { describe, expect, it } from 'vitest';
import { covers, widen, type Range } from '../../../renderer/src/panes/pre-layout';

/** Widens from `at` until every block is laid out; the ranges after each step. */
function untilCovered(count: number, at: number, blocks: number, start: Range[] = []): Range[][] {
  const steps: Range[][] = [];
  let ranges = start;
  while (!covers(ranges, count)) {
    ranges = widen(ranges, at, count, blocks);
    steps.push(ranges);
    if (steps.length > count) throw new Error('does not finish');
  }
  return steps;
}

describe('laying a text out ahead of the reader', () => {
  it('starts at the block in view and grows twice as fast downward as upward', () => {
    expect(widen([], 50, 100, 3)).toEqual([[49, 51]]);
    expect(widen([[49, 51]], 50, 100, 3)).toEqual([[48, 53]]);
  });

  it('grows only upward once the end of the text is laid out', () => {
    expect(widen([[90, 100]], 95, 100, 6)).toEqual([[84, 100]]);
  });

  it('lays out every block of the text, from the top, the middle or the end, and then stops', () => {
    for (const at of [1, 37, 100]) {
      const steps = untilCovered(100, at, 7);
      expect(steps[steps.length - 1]).toEqual([[1, 100]]);
      // Seven blocks a step, none wasted at either end.
      expect(steps.length).toBe(Math.ceil(100 / 7));
    }
  });

  it('starts a new range where the reader jumped to, and merges ranges that meet', () => {
    const after = widen([[1, 10]], 40, 100, 3);
    expect(after).toEqual([
      [1, 10],
      [39, 41],
    ]);
    expect(
      widen(
        [
          [1, 10],
          [12, 20],
        ],
        15,
        100,
        3,
      ),
    ).toEqual([[1, 22]]);
  });

  it('forgets places beyond the text when blocks were deleted, so it still finishes', () => {
    const steps = untilCovered(8, 3, 4, [
      [1, 5],
      [10, 12],
    ]);
    expect(steps[0]).toEqual([[1, 8]]);
    expect(steps).toHaveLength(1);
  });

  it('has nothing to do for an empty text', () => {
    expect(covers([], 0)).toBe(true);
    expect(covers([], 1)).toBe(false);
  });
});
