import { placement } from './placement';

/** A small helper for building DOM without innerHTML (text is never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

/** Places a floating element beside `near` without covering it (see placement.ts), inside the window. */
export function placeNear(el: HTMLElement, near: DOMRect, fallback = { width: 320, height: 360 }): void {
  const size = { width: el.offsetWidth || fallback.width, height: el.offsetHeight || fallback.height };
  const { left, top } = placement(size, near, { width: window.innerWidth, height: window.innerHeight });
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}
