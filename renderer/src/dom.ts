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

/** Places a floating element below `near` if it fits, else above; kept inside the window. */
export function placeNear(el: HTMLElement, near: DOMRect, fallback = { width: 320, height: 360 }): void {
  const width = el.offsetWidth || fallback.width;
  const height = el.offsetHeight || fallback.height;
  const left = Math.max(8, Math.min(near.left, window.innerWidth - width - 8));
  const below = near.bottom + 8;
  const top = below + height < window.innerHeight ? below : Math.max(8, near.top - height - 8);
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}
