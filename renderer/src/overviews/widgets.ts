/** Small pieces the overviews share: what a view needs from the workspace, filters, quotes. */
import type { DocumentSummary } from '../../../common/model';
import { h } from '../dom';
import { clip } from '../labels';
import type { OverviewData } from './overview-data';

/** A passage to bring into view: plain-text offsets of a document revision. */
export interface PassageTarget {
  doc: string;
  start: number;
  end: number;
  revision: number;
}

/** What an overview needs from the workspace around it. */
export interface OverviewHost {
  data: OverviewData;
  /** Brings passages into view in the panes (each in its own pane where possible). */
  reveal(passages: PassageTarget[]): Promise<void>;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** The workspace's documents. */
  documents(): DocumentSummary[];
}

/** One overview shown in the dock. */
export interface OverviewView {
  readonly element: HTMLElement;
  /** Draws the view from the current data. */
  render(): void;
  /** Where the keyboard goes when the view opens. */
  focus(): void;
}

/** A labelled <select>; `onChange` receives the chosen value. */
export function filterSelect(
  label: string,
  cls: string,
  onChange: (value: string) => void,
): { element: HTMLElement; select: HTMLSelectElement; set(options: [string, string][]): void } {
  const select = h('select', { class: cls, 'aria-label': label });
  select.addEventListener('change', () => onChange(select.value));
  return {
    element: h('label', { class: 'ov-filter' }, h('span', {}, label), select),
    select,
    set(options) {
      const value = select.value;
      select.replaceChildren(...options.map(([v, text]) => h('option', { value: v }, text)));
      select.value = options.some(([v]) => v === value) ? value : (options[0]?.[0] ?? '');
    },
  };
}

/** The tag options of a filter: every tag of the codebook, indented under its parent. */
export function tagOptions(data: OverviewData, all = 'All tags'): [string, string][] {
  return [
    ['', all],
    ...data.sources.annotations
      .tree()
      .map(({ tag, depth }): [string, string] => [tag.id, `${'  '.repeat(depth)}${tag.name}`]),
  ];
}

/** A quoted passage with its author and year, clipped to `max` characters. */
export function quote(text: string, by: string, max = 280, cls = 'ov-quote'): HTMLElement {
  return h('figure', { class: cls }, h('blockquote', {}, clip(text, max)), h('figcaption', {}, by));
}

/** Runs `run` when the element is clicked or, focused, gets Enter or Space. */
export function activate(el: HTMLElement, run: () => void): HTMLElement {
  el.tabIndex = 0;
  el.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button, select, input, a') && event.target !== el) return;
    run();
  });
  el.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target === el) {
      event.preventDefault();
      run();
    }
  });
  return el;
}
