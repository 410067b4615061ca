/**
 * The contradictions view: every conflict, the analyst's links first, then Align's conflict
 * suggestions not yet reviewed (marked as such), grouped by topic or by pair of authors, each
 * with both quotes, authors and years, a flag for a large gap in time, the evidence, the note
 * and the tags. A click (or Enter) brings the passages into view in the panes; Alt+↓ / Alt+↑
 * walk the conflicts in the panes.
 */
import { authorsOf, filterConflicts, groupConflicts, type ConflictEntry } from '../../../common/overviews';
import { h } from '../dom';
import { activate, filterSelect, quote, tagOptions, type OverviewHost, type OverviewView } from './widgets';

/** Most entries drawn at once; the rest come with "Show more". */
const PAGE = 100;

export class ContradictionsView implements OverviewView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly groupBy = filterSelect('Group by', 'ov-group-by', () => this.render());
  private readonly tag = filterSelect('Tag', 'ov-tag-filter', () => this.render());
  private readonly author = filterSelect('Author', 'ov-author-filter', () => this.render());
  private readonly topic = filterSelect('Topic', 'ov-topic-filter', () => this.render());
  private readonly reviewed = filterSelect('Show', 'ov-reviewed-filter', () => this.render());
  private shown = PAGE;
  /** The entry last brought into view (by click or Alt+↓ / Alt+↑). */
  private current?: string;

  constructor(private readonly host: OverviewHost) {
    this.groupBy.set([
      ['topic', 'Topic'],
      ['pair', 'Pair of authors'],
    ]);
    this.reviewed.set([
      ['all', 'Reviewed and unreviewed'],
      ['reviewed', 'Reviewed (links)'],
      ['unreviewed', 'Unreviewed suggestions'],
    ]);
    this.count = h('span', { class: 'ov-count', role: 'status' });
    this.list = h('div', { class: 'ov-list conflict-list' });
    this.element = h(
      'section',
      { class: 'ov-view contradictions-view', 'aria-label': 'Contradictions' },
      h(
        'div',
        { class: 'ov-filters' },
        this.groupBy.element,
        this.tag.element,
        this.author.element,
        this.topic.element,
        this.reviewed.element,
        this.count,
      ),
      this.list,
    );
  }

  /** The entries the filters let through, in the order shown. */
  entries(): ConflictEntry[] {
    const data = this.host.data;
    const tag = this.tag.select.value;
    return filterConflicts(data.conflicts(), {
      tags: tag ? data.sources.annotations.withDescendants(tag) : undefined,
      author: this.author.select.value || undefined,
      topic: this.topic.select.value || undefined,
      reviewed: this.reviewed.select.value as 'all' | 'reviewed' | 'unreviewed',
    });
  }

  private refreshFilters(): void {
    const data = this.host.data;
    this.tag.set(tagOptions(data));
    this.author.set([
      ['', 'All authors'],
      ...authorsOf(data.documents()).map((a): [string, string] => [a.key, a.label]),
    ]);
    this.topic.set([['', 'All topics'], ...data.groups().map((g): [string, string] => [g.id, data.topicName(g).text])]);
  }

  render(): void {
    this.refreshFilters();
    const data = this.host.data;
    const all = data.conflicts();
    const entries = this.entries();
    const reviewed = entries.filter((e) => e.reviewed).length;
    this.count.textContent =
      `${entries.length} conflict${entries.length === 1 ? '' : 's'}: ${reviewed} reviewed, ${entries.length - reviewed} unreviewed` +
      (entries.length < all.length ? ` (of ${all.length})` : '');
    if (!entries.length) {
      this.list.replaceChildren(
        h(
          'p',
          { class: 'ov-empty' },
          all.length
            ? 'No conflict matches these filters.'
            : 'No conflicts yet. Link two passages as a conflict, or run Align (Ctrl+Shift+A) and review its suggestions.',
        ),
      );
      return;
    }
    const by = this.groupBy.select.value as 'topic' | 'pair';
    const authorLabel = new Map(authorsOf(data.documents()).map((a) => [a.key, a.label]));
    const printing = document.body.classList.contains('printing-overview');
    let budget = printing ? Infinity : this.shown;
    const groups = groupConflicts(entries, by);
    const out: HTMLElement[] = [];
    for (const g of groups) {
      if (budget <= 0) break;
      const title =
        by === 'pair'
          ? g.pair!.map((k) => authorLabel.get(k) ?? k).join(' vs ')
          : g.topic
            ? data.topicName(g.topic).text
            : 'Not in a topic';
      const items = g.entries.slice(0, budget);
      budget -= items.length;
      out.push(
        h(
          'section',
          { class: 'ov-group' },
          h('h3', {}, title, h('span', { class: 'ov-group-count' }, ` ${g.entries.length}`)),
          ...items.map((e) => this.entryElement(e)),
        ),
      );
    }
    const total = groups.reduce((n, g) => n + g.entries.length, 0);
    if (!printing && total > this.shown) {
      const more = h('button', { type: 'button', class: 'ov-more' }, `Show more (${total - this.shown} not shown)`);
      more.addEventListener('click', () => {
        this.shown += PAGE;
        this.render();
      });
      out.push(more);
    }
    this.list.replaceChildren(...out);
  }

  private entryElement(e: ConflictEntry): HTMLElement {
    const data = this.host.data;
    const el = h(
      'article',
      {
        class: `conflict-entry ${e.reviewed ? 'is-reviewed' : 'is-unreviewed'}${e.key === this.current ? ' is-current' : ''}`,
        'data-key': e.key,
        'aria-label': `Conflict between ${e.passages.map((p) => p.authorLabel).join(' and ')}`,
        title: 'Show both passages in the panes',
      },
      h(
        'div',
        { class: 'conflict-meta' },
        h(
          'span',
          { class: `ov-badge ${e.reviewed ? 'badge-reviewed' : 'badge-unreviewed'}` },
          e.reviewed ? 'Conflict' : 'Unreviewed suggestion',
        ),
        e.score !== undefined
          ? h(
              'span',
              { class: 'ov-score', title: 'Align: how alike the passages are, and how sure it is of the conflict' },
              `similarity ${e.score.toFixed(2)}${e.confidence !== undefined ? ` · confidence ${e.confidence.toFixed(2)}` : ''}`,
            )
          : undefined,
        e.gap ? h('span', { class: 'ov-gap', title: 'The texts were written years apart' }, e.gap.text) : undefined,
        ...e.tags.map((t) => h('span', { class: `chip swatch-${t}` }, data.tagName(t))),
      ),
      h(
        'div',
        { class: 'conflict-quotes' },
        ...e.passages.map((p) =>
          quote(p.text, `${p.authorLabel}${p.year ? `, ${p.year}` : ''}${p.orphan ? ' · text not found' : ''}`),
        ),
      ),
      e.note ? h('p', { class: 'ov-note' }, e.note) : undefined,
      e.evidence.length
        ? h(
            'ul',
            { class: 'ov-evidence' },
            ...e.evidence.slice(0, 6).map((x) => h('li', {}, h('b', {}, `${x.kind}: `), x.note)),
          )
        : undefined,
    );
    return activate(el, () => void this.show(e));
  }

  /** Brings an entry's passages into view in the panes and marks it as current. */
  async show(e: ConflictEntry): Promise<void> {
    this.current = e.key;
    for (const el of this.list.querySelectorAll('.conflict-entry.is-current')) el.classList.remove('is-current');
    const el = this.list.querySelector<HTMLElement>(`.conflict-entry[data-key="${CSS.escape(e.key)}"]`);
    el?.classList.add('is-current');
    el?.scrollIntoView({ block: 'nearest' });
    await this.host.reveal(e.passages.filter((p) => !p.orphan));
  }

  /** Alt+↓ / Alt+↑: the next or previous conflict (of those the filters let through), in the panes. */
  async step(direction: 1 | -1): Promise<void> {
    const entries = this.entries();
    if (!entries.length) {
      this.host.notify('There are no conflicts to walk through.');
      return;
    }
    const at = entries.findIndex((e) => e.key === this.current);
    const next =
      at < 0 ? (direction === 1 ? 0 : entries.length - 1) : (at + direction + entries.length) % entries.length;
    const e = entries[next];
    await this.show(e);
    this.host.notify(
      `Conflict ${next + 1} of ${entries.length}: ${e.passages.map((p) => p.authorLabel).join(' vs ')}${e.reviewed ? '' : ' (unreviewed suggestion)'}`,
    );
  }

  focus(): void {
    (this.list.querySelector<HTMLElement>('.conflict-entry') ?? this.groupBy.select).focus({ preventScroll: true });
  }
}
