import { describe, expect, it } from 'vitest';
import { MARGIN, placement, type Rect } from '../../../renderer/src/placement';

const view = { width: 1000, height: 800 };
const card = { width: 380, height: 430 };
const box = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
const covers = (at: { left: number; top: number }, size: typeof card, r: Rect) =>
  at.left < r.right && r.left < at.left + size.width && at.top < r.bottom && r.top < at.top + size.height;
const inside = (at: { left: number; top: number }, size: typeof card) =>
  at.left >= MARGIN &&
  at.top >= MARGIN &&
  at.left + size.width <= view.width - MARGIN &&
  at.top + size.height <= view.height - MARGIN;

describe('placement of a floating card beside its passage', () => {
  it('goes below the passage when there is room, aligned with its left edge', () => {
    const near = box(100, 100, 300, 140);
    expect(placement(card, near, view)).toEqual({ left: 100, top: 140 + MARGIN });
  });

  it('goes above when only above has room', () => {
    const near = box(100, 600, 300, 640);
    const at = placement(card, near, view);
    expect(at.top + card.height).toBe(600 - MARGIN);
    expect(covers(at, card, near)).toBe(false);
  });

  it('goes to the right of a passage in the middle of a short window, not over it', () => {
    // A passage in the second of four panes at 1000 × 800, with no room above or below for the card.
    const near = box(268, 350, 480, 420);
    const at = placement(card, near, view);
    expect(covers(at, card, near)).toBe(false);
    expect(at.left).toBe(480 + MARGIN);
    expect(inside(at, card)).toBe(true);
  });

  it('goes to the left when the passage is in the rightmost pane', () => {
    const near = box(760, 350, 980, 420);
    const at = placement(card, near, view);
    expect(covers(at, card, near)).toBe(false);
    expect(at.left + card.width).toBe(760 - MARGIN);
    expect(inside(at, card)).toBe(true);
  });

  it('covers a passage only when no side has room, and then stays inside the window', () => {
    const near = box(200, 200, 800, 600);
    const at = placement(card, near, view);
    expect(inside(at, card)).toBe(true);
  });

  it('keeps a card taller than the room below and above inside the window when beside', () => {
    const near = box(100, 700, 300, 760);
    const at = placement({ width: 380, height: 760 }, near, view);
    expect(at.top).toBeGreaterThanOrEqual(MARGIN);
    expect(at.left).toBe(300 + MARGIN);
  });

  it('stays inside the window when the passage is scrolled out of it', () => {
    for (const near of [box(300, 900, 500, 960), box(300, -200, 500, -120), box(1100, 300, 1200, 340)]) {
      expect(inside(placement(card, near, view), card)).toBe(true);
    }
  });
});
