/**
 * Where a floating element (a card, a popover, a dialog) goes beside what it is about:
 * below it if it fits, else above, else to its right or left — never over the thing itself
 * while any side has room; only when none has does it cover, from the side with most room.
 * Always inside the window, `MARGIN` from its edges.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const MARGIN = 8;

export function placement(
  size: { width: number; height: number },
  near: Rect,
  view: { width: number; height: number },
): { left: number; top: number } {
  const { width, height } = size;
  const m = MARGIN;
  const clampLeft = (x: number) => Math.max(m, Math.min(x, view.width - width - m));
  const clampTop = (y: number) => Math.max(m, Math.min(y, view.height - height - m));
  // Every top is clamped too: a passage scrolled out of the window would otherwise take the card with it.
  if (near.bottom + m + height <= view.height - m)
    return { left: clampLeft(near.left), top: clampTop(near.bottom + m) };
  if (near.top - m - height >= m) return { left: clampLeft(near.left), top: clampTop(near.top - m - height) };
  if (near.right + m + width <= view.width - m) return { left: near.right + m, top: clampTop(near.top) };
  if (near.left - m - width >= m) return { left: near.left - m - width, top: clampTop(near.top) };
  // Nothing fits beside it: cover as little of it as can be, from the roomiest side.
  const room = { below: view.height - near.bottom, above: near.top, right: view.width - near.right, left: near.left };
  const side = (Object.keys(room) as (keyof typeof room)[]).reduce((a, b) => (room[b] > room[a] ? b : a));
  if (side === 'below') return { left: clampLeft(near.left), top: clampTop(near.bottom + m) };
  if (side === 'above') return { left: clampLeft(near.left), top: clampTop(near.top - m - height) };
  if (side === 'right') return { left: clampLeft(near.right + m), top: clampTop(near.top) };
  return { left: clampLeft(near.left - m - width), top: clampTop(near.top) };
}
