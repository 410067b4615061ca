/**
 * Search across documents: hits listed with their context, grouped by document, marked in
 * the panes (the current one more strongly); Enter / F3 go to the next hit, Shift+Enter /
 * Shift+F3 to the previous. A tag's name finds its passages, a concept's name every form.
 */
import type { SearchHitPayload } from '../../../common/api';
import { call } from '../bridge';
import { h } from '../dom';
import { docLabel } from '../labels';
import type { Pane } from '../panes/pane';
import { activate, type OverviewHost, type OverviewView } from './widgets';

export interface SearchHost extends OverviewHost {
  panes(): Pane[];
  paneFor(docId: string): Promise<Pane | undefined>;
}

/** Pause after typing before searching. */
const TYPING_PAUSE_MS = 200;
/** Most hits asked for. */
const LIMIT = 2000;

export class SearchView implements OverviewView {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private hits: SearchHitPayload[] = [];
  private total = 0;
  private current = -1;
  private query = '';
  private timer?: ReturnType<typeof setTimeout>;
  private searching?: Promise<void>;

  constructor(private readonly host: SearchHost) {
    this.input = h('input', {
      type: 'search',
      class: 'ov-search-input',
      placeholder: 'Search every text: a phrase, a tag or a concept',
      'aria-label': 'Search across documents',
    });
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(), TYPING_PAUSE_MS);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void this.step(event.shiftKey ? -1 : 1);
      }
    });
    this.count = h('span', { class: 'ov-count', role: 'status' });
    this.list = h('div', { class: 'ov-list search-results' });
    this.element = h(
      'section',
      { class: 'ov-view search-view', 'aria-label': 'Search across documents' },
      h('div', { class: 'ov-filters' }, this.input, this.count),
      this.list,
    );
  }

  /** Runs the query in the field (unless it already ran), then lists and marks the hits. */
  async search(force = false): Promise<void> {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query === this.query && !force) return this.searching;
    this.query = query;
    this.searching = (async () => {
      if (!query) {
        this.hits = [];
        this.total = 0;
      } else {
        try {
          const result = await call('searchDocuments', { query, limit: LIMIT });
          if (this.query !== query) return;
          this.hits = result.hits;
          this.total = result.total;
        } catch (err) {
          this.host.notify(`Search failed: ${(err as Error).message}`, 'error');
          return;
        }
      }
      this.current = -1;
      this.render();
      this.markPanes();
    })();
    return this.searching;
  }

  render(): void {
    const docs = new Set(this.hits.map((h) => h.doc));
    this.count.textContent = !this.query
      ? ''
      : this.total
        ? `${this.total} hit${this.total === 1 ? '' : 's'} in ${docs.size} document${docs.size === 1 ? '' : 's'}` +
          (this.total > this.hits.length ? ` (first ${this.hits.length} listed)` : '') +
          (this.current >= 0 ? ` · ${this.current + 1} of ${this.hits.length}` : '')
        : 'No hits';
    if (!this.query) {
      this.list.replaceChildren(
        h(
          'p',
          { class: 'ov-hint' },
          'Type a phrase, a tag or a concept. Enter or F3: next hit; Shift+Enter or Shift+F3: previous.',
        ),
      );
      return;
    }
    const byDoc = new Map<string, { hit: SearchHitPayload; index: number }[]>();
    this.hits.forEach((hit, index) => {
      const list = byDoc.get(hit.doc) ?? [];
      list.push({ hit, index });
      byDoc.set(hit.doc, list);
    });
    const summaries = this.host.documents();
    this.list.replaceChildren(
      ...[...byDoc].map(([doc, list]) =>
        h(
          'section',
          { class: 'ov-group' },
          h(
            'h3',
            {},
            docLabel(
              summaries.find((d) => d.id === doc),
              doc,
            ),
            h('span', { class: 'ov-group-count' }, ` ${list.length}`),
          ),
          ...list.map(({ hit, index }) =>
            activate(
              h(
                'div',
                { class: `search-hit-row${index === this.current ? ' is-current' : ''}`, 'data-index': String(index) },
                hit.via !== 'text' ? h('span', { class: 'ov-badge' }, `${hit.via}: ${hit.label ?? ''}`) : undefined,
                h('span', { class: 'ctx' }, hit.before),
                h('mark', {}, hit.match),
                h('span', { class: 'ctx' }, hit.after),
              ),
              () => void this.goTo(index),
            ),
          ),
        ),
      ),
    );
  }

  /** Marks every pane's hits (those of the revision it shows), the current one more strongly. */
  private markPanes(): void {
    for (const pane of this.host.panes()) {
      const ranges: [number, number][] = [];
      let current = -1;
      this.hits.forEach((hit, i) => {
        if (hit.doc !== pane.docId || hit.revision !== pane.shownRevision) return;
        if (i === this.current) current = ranges.length;
        ranges.push([hit.start, hit.end]);
      });
      pane.showSearchHits(ranges, current);
    }
  }

  /** Goes to a hit: its pane shows it, marked as current, and the list follows. */
  async goTo(index: number): Promise<void> {
    const hit = this.hits[index];
    if (!hit) return;
    this.current = index;
    const pane = await this.host.paneFor(hit.doc);
    if (pane && pane.shownRevision !== hit.revision) {
      this.host.notify('The text changed since this search: searching again.');
      await this.search(true);
      return;
    }
    this.render();
    this.markPanes();
    this.list.querySelector('.search-hit-row.is-current')?.scrollIntoView({ block: 'nearest' });
  }

  /** F3 / Shift+F3 (Enter / Shift+Enter in the field): the next or previous hit. */
  async step(direction: 1 | -1): Promise<void> {
    await this.search();
    if (!this.hits.length) {
      if (this.query) this.host.notify(`No hits for “${this.query}”.`);
      return;
    }
    const next =
      this.current < 0
        ? direction === 1
          ? 0
          : this.hits.length - 1
        : (this.current + direction + this.hits.length) % this.hits.length;
    await this.goTo(next);
  }

  /** Takes the marks out of the panes (the search was closed). */
  clearPanes(): void {
    for (const pane of this.host.panes()) pane.showSearchHits([]);
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }
}
