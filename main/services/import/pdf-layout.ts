/**
 * Rebuilding a PDF's text from its text layer's geometry: items into lines, running
 * headers, footers and page numbers removed, footnotes (smaller type below the body)
 * separated, lines into paragraphs (by spacing, indentation and short last lines),
 * larger type as headings, and words hyphenated at line ends joined again.
 */

/** A run of text as pdf.js reports it, reduced to what layout needs. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One page's items and height. */
export interface PageText {
  items: TextItem[];
  height: number;
}

/** A piece of a line: text, or a superscript note marker. */
export type Part = string | { ref: string };

interface Line {
  parts: Part[];
  x: number;
  xEnd: number;
  y: number;
  size: number;
  page: number;
}

/** A rebuilt block: a heading (with level) or a paragraph. */
export interface LayoutBlock {
  kind: 'heading' | 'paragraph';
  level?: number;
  parts: Part[];
}

export interface Layout {
  blocks: LayoutBlock[];
  notes: { label: string; text: string }[];
  removed: { headers: number; pageNumbers: number };
}

const lineText = (l: Line): string => l.parts.map((p) => (typeof p === 'string' ? p : '')).join('');

function groupLines(page: PageText, pageIndex: number): Line[] {
  const lines: Line[] = [];
  let current: (Line & { items: TextItem[] }) | undefined;
  const finish = (): void => {
    if (!current) return;
    const items = current.items.sort((a, b) => a.x - b.x);
    const base = Math.max(...items.map((i) => i.size));
    const parts: Part[] = [];
    let prevEnd: number | undefined;
    let text = '';
    for (const item of items) {
      const superscript =
        item.size < base * 0.8 && item.y > current.y + base * 0.15 && /^\d{1,3}$/.test(item.str.trim());
      if (superscript) {
        if (text) parts.push(text);
        text = '';
        parts.push({ ref: item.str.trim() });
      } else {
        const gap = prevEnd === undefined ? 0 : item.x - prevEnd;
        if (prevEnd !== undefined && gap > item.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
        text += item.str;
      }
      prevEnd = item.x + item.width;
    }
    if (text) parts.push(text);
    const content = parts.map((p) => (typeof p === 'string' ? p : '')).join('');
    if (content.trim()) {
      lines.push({ parts, x: items[0].x, xEnd: prevEnd ?? items[0].x, y: current.y, size: base, page: pageIndex });
    }
    current = undefined;
  };
  for (const item of page.items) {
    if (!item.str) continue;
    if (current && Math.abs(item.y - current.y) <= Math.max(item.size, current.size) * 0.5) {
      current.items.push(item);
      if (item.size > current.size) current.size = item.size;
      continue;
    }
    finish();
    current = { parts: [], x: item.x, xEnd: item.x, y: item.y, size: item.size, page: pageIndex, items: [item] };
  }
  finish();
  return lines;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 10;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Removes lines repeated at the top or bottom of most pages, and page numbers. */
function removeRunningLines(pages: Line[][], heights: number[]): Layout['removed'] {
  const removed = { headers: 0, pageNumbers: 0 };
  const inMargin = (l: Line): boolean => l.y > heights[l.page] * 0.9 || l.y < heights[l.page] * 0.1;
  const seen = new Map<string, Set<number>>();
  pages.forEach((lines, p) => {
    for (const l of lines.filter(inMargin)) {
      const key = shape(lineText(l));
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(p);
    }
  });
  const minPages = Math.max(2, Math.ceil(pages.length * 0.5));
  pages.forEach((lines, p) => {
    pages[p] = lines.filter((l) => {
      if (!inMargin(l)) return true;
      const text = lineText(l).trim();
      if (PAGE_NUMBER.test(text)) {
        removed.pageNumbers++;
        return false;
      }
      if (pages.length >= 2 && (seen.get(shape(text))?.size ?? 0) >= minPages) {
        removed.headers++;
        return false;
      }
      return true;
    });
  });
  return removed;
}

function joinParts(into: Part[], next: Part[]): void {
  const last = into[into.length - 1];
  const first = next[0];
  if (typeof last === 'string' && typeof first === 'string' && /\p{L}-$/u.test(last) && /^\p{Ll}/u.test(first)) {
    into[into.length - 1] = last.slice(0, -1) + first;
    into.push(...next.slice(1));
    return;
  }
  if (typeof last === 'string' && !/\s$/.test(last)) into.push(' ');
  into.push(...next);
}

/** Lays out the pages' text as blocks and notes. */
export function layoutPages(pagesText: PageText[]): Layout {
  const pages = pagesText.map((p, i) => groupLines(p, i));
  const removed = removeRunningLines(
    pages,
    pagesText.map((p) => p.height),
  );
  const all = pages.flat();
  const bodySize = mode(
    all.flatMap((l) =>
      Array<number>(Math.max(1, Math.round(lineText(l).length / 10))).fill(Math.round(l.size * 2) / 2),
    ),
  );
  const notes: Layout['notes'] = [];
  const body: Line[] = [];
  for (const lines of pages) {
    const bodyLines = lines.filter((l) => l.size > bodySize * 0.88);
    const lowestBody = Math.min(...bodyLines.map((l) => l.y));
    for (const l of lines) {
      const isNote = bodyLines.length > 0 && l.size <= bodySize * 0.88 && l.y < lowestBody;
      if (!isNote) {
        body.push(l);
        continue;
      }
      const text = lineText(l).trim();
      const first = l.parts[0];
      const start =
        typeof first === 'object'
          ? { label: first.ref, rest: lineText({ ...l, parts: l.parts.slice(1) }).trim() }
          : undefined;
      const match = /^(\d{1,3})[.)]?\s+(.*)$/.exec(text);
      const numbered = start ?? (match ? { label: match[1], rest: match[2] } : undefined);
      if (numbered) notes.push({ label: numbered.label, text: numbered.rest });
      else if (notes.length) {
        const last = notes[notes.length - 1];
        const parts: Part[] = [last.text];
        joinParts(parts, [text]);
        last.text = parts.join('');
      } else notes.push({ label: String(notes.length + 1), text });
    }
  }
  // Geometry of the body text per page: left edge, right edge, line spacing.
  const edges = pages.map((_, p) => {
    const lines = body.filter((l) => l.page === p && Math.abs(l.size - bodySize) < bodySize * 0.15);
    const lefts = lines.map((l) => Math.round(l.x));
    const rights = lines.map((l) => l.xEnd).sort((a, b) => a - b);
    const gaps: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const g = lines[i - 1].y - lines[i].y;
      if (g > 0) gaps.push(Math.round(g * 2) / 2);
    }
    return {
      left: lefts.length ? mode(lefts) : 0,
      right: rights[Math.floor(rights.length * 0.9)] ?? 0,
      gap: gaps.length ? mode(gaps) : bodySize * 1.2,
    };
  });
  const headingSizes = [...new Set(body.filter((l) => l.size >= bodySize * 1.15).map((l) => Math.round(l.size)))].sort(
    (a, b) => b - a,
  );
  const blocks: LayoutBlock[] = [];
  let prev: Line | undefined;
  for (const line of body) {
    const isHeading = line.size >= bodySize * 1.15;
    const current = blocks[blocks.length - 1];
    let fresh = !current || !prev;
    if (current && prev) {
      const e = edges[line.page];
      const pe = edges[prev.page];
      const prevText = lineText(prev).trimEnd();
      const prevShort = prev.xEnd < pe.left + (pe.right - pe.left) * 0.85 && /[.!?:;"”’)\]]$/.test(prevText);
      const indented = line.x > e.left + bodySize * 0.8 && line.x - e.left < (e.right - e.left) * 0.3;
      if ((current.kind === 'heading') !== isHeading) fresh = true;
      else if (isHeading)
        fresh = Math.abs(line.size - prev.size) > 0.5 || prev.page !== line.page || prev.y - line.y > line.size * 2;
      else if (prev.page === line.page) fresh = prev.y - line.y > e.gap * 1.5 || prevShort || indented;
      else fresh = prevShort || indented;
    }
    if (fresh) {
      const level = isHeading ? Math.min(3, headingSizes.indexOf(Math.round(line.size)) + 1) : undefined;
      blocks.push({ kind: isHeading ? 'heading' : 'paragraph', level, parts: [...line.parts] });
    } else joinParts(current!.parts, line.parts);
    prev = line;
  }
  return { blocks, notes, removed };
}
