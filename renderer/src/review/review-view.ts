/**
 * The review queue (a side-panel tab): every suggestion, most confident first,
 * filtered by relation, pair of documents and status. Keys while the list has the focus:
 * J / K (or ↓ / ↑) next and previous, A accept, D dismiss, 1 / 2 / 3 accept as agree /
 * conflict / related, R restore a dismissed or accepted one, Enter show it in the panes.
 * The suggestion under review is drawn strongly in the panes; after a decision the
 * queue stays where it was. Decisions are in the workspace's undo history (Ctrl+Z).
 */
import type { DocumentSummary, Relation, Suggestion } from '../../../common/model';
import { RELATION_KEYS } from '../../../common/keys';
import { h } from '../dom';
import { clip, docLabel } from '../labels';
import type { Pane } from '../panes/pane';
import type { SuggestionsView } from '../panels/suggestions-view';
import { confidenceOf, keepPlace, pairsIn, queueItems, type QueueFilter, type StatusFilter } from './queue';

export interface ReviewHost {
  documents(): DocumentSummary[];
  panes(): Pane[];
  paneFor(docId: string): Promise<Pane | undefined>;
}

/** Most rows drawn at once; more come as the analyst moves down or asks. */
const PAGE = 150;
const STATUS_TEXT = { suggested: 'To review', accepted: 'Accepted', dismissed: 'Dismissed' } as const;

export class ReviewView {
  readonly element: HTMLElement;
  private readonly relation: HTMLSelectElement;
  private readonly pair: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private items: Suggestion[] = [];
  private current?: string;
  private shown = PAGE;
  private visible = false;
  /** Whether the next drawing of the queue brings the suggestion under review into view. */
  private revealOnRender = false;

  constructor(
    private readonly suggestions: SuggestionsView,
    private readonly host: ReviewHost,
  ) {
    const select = (label: string, options: [string, string][]) =>
      h('select', { 'aria-label': label }, ...options.map(([value, text]) => h('option', { value }, text)));
    this.relation = select('Filter by relation', [
      ['', 'All relations'],
      ['agree', 'Agree'],
      ['conflict', 'Conflict'],
      ['related', 'Related'],
    ]);
    this.pair = select('Filter by pair of documents', [['', 'All pairs of texts']]);
    this.status = select('Filter by status', [
      ['suggested', 'To review'],
      ['accepted', 'Accepted'],
      ['dismissed', 'Dismissed'],
      ['all', 'Any status'],
    ]);
    for (const s of [this.relation, this.pair, this.status]) {
      s.addEventListener('input', () => {
        this.shown = PAGE;
        this.render();
      });
    }
    this.count = h('p', { class: 'view-count', role: 'status' });
    this.list = h('ul', {
      class: 'panel-list review-list',
      role: 'listbox',
      tabindex: '0',
      'aria-label': `Suggestions to review: J/K move, A accept, D dismiss, ${Object.keys(RELATION_KEYS).join('/')} accept as ${Object.values(RELATION_KEYS).join('/')}`,
    });
    this.list.addEventListener('keydown', (event) => this.keydown(event));
    this.list.addEventListener('focus', () => {
      if (!this.current && this.items[0]) this.select(this.items[0].id);
    });
    this.element = h(
      'div',
      { class: 'review-view' },
      h('div', { class: 'panel-filters' }, this.relation, this.pair, this.status),
      h(
        'p',
        { class: 'panel-hint' },
        h('kbd', {}, 'J'),
        '/',
        h('kbd', {}, 'K'),
        ' move · ',
        h('kbd', {}, 'A'),
        ' accept · ',
        h('kbd', {}, 'D'),
        ' dismiss · ',
        ...Object.keys(RELATION_KEYS).map((key) => h('kbd', {}, key)),
        ' accept as · ',
        h('kbd', {}, 'R'),
        ' restore',
      ),
      this.count,
      this.list,
    );
    suggestions.onChange(() => this.visible && this.render());
  }

  /** Shown (the tab is open) or hidden: the focus tint follows. */
  setVisible(visible: boolean): void {
    if (visible && !this.visible) this.revealOnRender = true;
    this.visible = visible;
    if (visible) this.render();
    else this.suggestions.focus(undefined);
  }

  /** Moves the keyboard focus to the list. */
  focus(): void {
    this.list.focus();
  }

  private filter(): QueueFilter {
    return {
      relation: this.relation.value as Relation | '',
      pair: this.pair.value,
      status: this.status.value as StatusFilter,
    };
  }

  private label(docId: string): string {
    return docLabel(
      this.host.documents().find((d) => d.id === docId),
      docId,
    );
  }

  render(): void {
    const all = this.suggestions.all();
    const pair = this.pair.value;
    this.pair.replaceChildren(
      h('option', { value: '' }, 'All pairs of texts'),
      ...pairsIn(all).map((p) => {
        const [a, b] = p.split('|');
        return h('option', { value: p }, `${this.label(a)} – ${this.label(b)}`);
      }),
    );
    this.pair.value = pairsIn(all).includes(pair) ? pair : '';
    const before = this.items.map((s) => s.id);
    this.items = queueItems(all, this.filter());
    this.current = keepPlace(
      this.current,
      before,
      this.items.map((s) => s.id),
    );
    const at = this.items.findIndex((s) => s.id === this.current);
    if (at >= this.shown) this.shown = at + PAGE;
    this.count.textContent = all.length
      ? `${this.items.length} of ${all.length} suggestions`
      : 'No suggestions yet: run Align (Ctrl+Shift+A).';
    const rows = this.items.slice(0, this.shown).map((s) => this.row(s));
    if (this.items.length > this.shown) {
      const more = h(
        'button',
        { type: 'button', class: 'panel-more' },
        `Show more (${this.items.length - this.shown})`,
      );
      more.addEventListener('click', () => {
        this.shown += PAGE;
        this.render();
      });
      rows.push(h('li', { role: 'presentation' }, more));
    }
    this.list.replaceChildren(...rows);
    if (this.current) this.list.setAttribute('aria-activedescendant', `review-${this.current}`);
    // The suggestion under review is brought into view in the panes when the queue opens and
    // when a decision made here moves the place on — in the next frame, once the panes have
    // drawn the decision (a new link, fewer tints). Changes from elsewhere (an edit that hides a
    // text's suggestions, another window) never scroll the panes under the analyst.
    const id = this.visible ? this.current : undefined;
    this.suggestions.focus(id);
    if (id && this.revealOnRender)
      requestAnimationFrame(() => this.current === id && this.suggestions.revealInPanes(id));
    this.revealOnRender = false;
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private row(s: Suggestion): HTMLElement {
    const li = h(
      'li',
      {
        class: `review-row status-${s.status}`,
        role: 'option',
        id: `review-${s.id}`,
        'aria-selected': String(s.id === this.current),
        'data-suggestion': s.id,
      },
      h(
        'div',
        { class: 'row-meta' },
        h('span', { class: `chip sg sg-${s.relation}` }, s.relation),
        h('span', { class: 'review-confidence', title: 'Confidence in the relation' }, confidenceOf(s).toFixed(2)),
        h(
          'span',
          { class: 'review-similarity', title: 'Similarity: how alike the two passages are' },
          s.score.toFixed(2),
        ),
        h('span', { class: 'row-doc' }, `${this.label(s.a.doc)} – ${this.label(s.b.doc)}`),
        s.status !== 'suggested' ? h('span', { class: 'review-status' }, STATUS_TEXT[s.status]) : undefined,
      ),
      h('q', { class: 'row-quote' }, clip(s.a.text, 120)),
      h('q', { class: 'row-quote' }, clip(s.b.text, 120)),
    );
    li.addEventListener('click', () => {
      this.select(s.id);
      this.list.focus();
      void this.show(s);
    });
    return li;
  }

  private select(id: string): void {
    this.current = id;
    for (const el of this.list.querySelectorAll('[aria-selected="true"]')) el.setAttribute('aria-selected', 'false');
    const el = this.list.querySelector(`#review-${CSS.escape(id)}`);
    el?.setAttribute('aria-selected', 'true');
    el?.scrollIntoView({ block: 'nearest' });
    this.list.setAttribute('aria-activedescendant', `review-${id}`);
    this.suggestions.focus(id, true);
  }

  private move(step: 1 | -1): void {
    if (!this.items.length) return;
    const at = this.items.findIndex((s) => s.id === this.current);
    const next = Math.max(0, Math.min(this.items.length - 1, at < 0 ? 0 : at + step));
    if (next >= this.shown) {
      this.shown += PAGE;
      this.current = this.items[next].id;
      this.render();
    }
    this.select(this.items[next].id);
  }

  /** Brings both passages into view in the panes that show their texts. */
  private async show(s: Suggestion): Promise<void> {
    let shown = false;
    for (const side of [s.a, s.b]) {
      for (const pane of this.host.panes()) if (pane.docId === side.doc) shown = pane.revealSuggestion(s.id) || shown;
    }
    if (!shown) (await this.host.paneFor(s.a.doc))?.revealSuggestion(s.id);
  }

  private keydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const s = this.items.find((x) => x.id === this.current);
    const decide = (status: Suggestion['status'], relation?: Relation) => {
      if (!s || (s.status === status && !relation)) return;
      this.revealOnRender = true;
      void this.suggestions.setStatus(s, status, relation).then((done) => {
        if (!done) this.revealOnRender = false;
      });
    };
    if (key === 'j' || key === 'arrowdown') this.move(1);
    else if (key === 'k' || key === 'arrowup') this.move(-1);
    else if (key === 'enter' || key === 'o') {
      if (s) void this.show(s);
    } else if (key === 'a') decide('accepted');
    else if (key === 'd') decide('dismissed');
    else if (key === 'r') decide('suggested');
    else if (key in RELATION_KEYS) decide('accepted', RELATION_KEYS[key as keyof typeof RELATION_KEYS]);
    else return;
    event.preventDefault();
  }
}
