/**
 * The overview ruler beside a pane's text: where in the whole document its links (by
 * relation colour), suggested conflicts and tagged passages lie, and which part is on
 * screen. Clicking a mark scrolls to its passage; clicking elsewhere, or dragging,
 * scrolls to that part of the text.
 */
import type { Relation } from '../../../common/model';
import { h } from '../dom';
import type { Pane } from '../panes/pane';
import { plainText } from './geometry';

/** A passage to mark on the ruler. */
export interface RulerMark {
  lane: 'tag' | 'link' | 'conflict';
  start: number;
  end: number;
  /** Hover text. */
  title: string;
  relation?: Relation;
  /** A tag's colour. */
  color?: string;
}

export interface RulerHost {
  marks(pane: Pane): RulerMark[];
  /** Scrolls the pane to a passage and flashes it. */
  reveal(pane: Pane, start: number, end: number): void;
}

/** How close (in pixels) a click must come to a mark to jump to it. */
const SNAP = 5;

export class OverviewRuler {
  readonly element: HTMLElement;
  private readonly thumb: HTMLElement;
  private readonly lanes: HTMLElement;
  private placed: { y: number; mark: RulerMark }[] = [];
  private thumbStyle = '';

  constructor(
    private readonly pane: Pane,
    private readonly host: RulerHost,
  ) {
    this.thumb = h('div', { class: 'ruler-thumb' });
    this.lanes = h('div', { class: 'ruler-marks' });
    this.element = h(
      'div',
      {
        class: 'ruler',
        title: 'Where links, conflicts and tags lie in the whole text: click to jump there',
      },
      this.lanes,
      this.thumb,
    );
    this.element.addEventListener('pointerdown', (event) => this.pointerDown(event));
    pane.addBeside(this.element);
  }

  /** Re-reads the marks (after the text, links, tags or suggestions changed). */
  refresh(): void {
    const view = this.pane.editorView();
    const length = view ? plainText(view.state.doc).text.length : 0;
    const marks = length ? this.host.marks(this.pane) : [];
    const rows = new Map<string, HTMLElement>();
    this.placed = [];
    for (const mark of marks) {
      const share = Math.min(1, mark.start / length);
      const extent = Math.max(0, Math.min(1, mark.end / length) - share);
      // One element per lane and pixel-ish row: thousands of marks stay a few hundred elements.
      const key = `${mark.lane}|${mark.relation ?? mark.color ?? ''}|${Math.round(share * 400)}`;
      this.placed.push({ y: share, mark });
      if (rows.has(key)) continue;
      const el = h('div', {
        class: `ruler-mark ruler-${mark.lane}${mark.relation ? ` rel-${mark.relation}` : ''}`,
        title: mark.title,
        'data-start': String(mark.start),
        'data-end': String(mark.end),
      });
      el.style.top = `${(share * 100).toFixed(3)}%`;
      el.style.height = `max(3px, ${(extent * 100).toFixed(3)}%)`;
      if (mark.color) el.style.background = mark.color;
      rows.set(key, el);
    }
    this.lanes.replaceChildren(...rows.values());
  }

  /** Where the visible part of the text is on the ruler, in pixels (read in a frame). */
  measure(): { top: number; height: number } {
    const s = this.pane.scroller;
    const total = Math.max(1, s.scrollHeight);
    const size = this.element.clientHeight;
    return { top: (s.scrollTop / total) * size, height: Math.min(1, s.clientHeight / total) * size };
  }

  /**
   * Moves the thumb that shows the visible part (written in a frame). It moves by a
   * transform on its own layer, so scrolling repaints nothing around it.
   */
  render(view: { top: number; height: number }): void {
    const style = `transform:translateY(${view.top.toFixed(1)}px);height:${Math.max(4, view.height).toFixed(1)}px`;
    if (style !== this.thumbStyle) this.thumb.setAttribute('style', (this.thumbStyle = style));
  }

  private pointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const box = this.element.getBoundingClientRect();
    const share = (y: number) => Math.max(0, Math.min(1, (y - box.top) / box.height));
    const at = share(event.clientY);
    let best: { y: number; mark: RulerMark } | undefined;
    for (const p of this.placed) {
      const distance = Math.abs(p.y - at) * box.height;
      if (distance <= SNAP && (!best || distance < Math.abs(best.y - at) * box.height)) best = p;
    }
    if (best) {
      this.host.reveal(this.pane, best.mark.start, best.mark.end);
      return;
    }
    const scrollTo = (y: number) => {
      const s = this.pane.scroller;
      s.scrollTop = share(y) * s.scrollHeight - s.clientHeight / 2;
    };
    scrollTo(event.clientY);
    this.element.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => scrollTo(e.clientY);
    const up = () => {
      this.element.removeEventListener('pointermove', move);
      this.element.removeEventListener('pointerup', up);
    };
    this.element.addEventListener('pointermove', move);
    this.element.addEventListener('pointerup', up);
  }
}
