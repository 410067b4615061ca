/** Ids made from names: lowercase ASCII letters and digits joined by "-". */

/** "Russia–China alignment" → "russia-china-alignment"; `fallback` when nothing is left. */
export function slug(text: string, max: number, fallback: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || fallback
  );
}
