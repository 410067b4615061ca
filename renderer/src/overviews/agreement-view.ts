/**
 * The agreement chart: an author × author heat map of agreements and one of conflicts,
 * counted from the analyst's links (and, as a toggle, Align's unreviewed suggestions),
 * filterable by tag and topic. Clicking a cell lists what it counts; clicking one of those
 * brings its passages into view. Colours come from d3's sequential scales (ColorBrewer's
 * Greens and Reds), the same perceptual ramps charting tools use.
 */
import { scaleSequential } from 'd3-scale';
import { interpolateGreens, interpolateReds } from 'd3-scale-chromatic';
import type { Link } from '../../../common/model';
import { agreementMatrix, topicFinder, type AgreementMatrix, type MatrixItem } from '../../../common/overviews';
import { h } from '../dom';
import { activate, filterSelect, quote, tagOptions, type OverviewHost, type OverviewView } from './widgets';
import { authorLabel } from '../../../common/overviews';

const RELATION_WORDS = { agree: ['agreement', 'agreements'], conflict: ['conflict', 'conflicts'] } as const;

export class AgreementView implements OverviewView {
  readonly element: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly details: HTMLElement;
  private readonly include: HTMLInputElement;
  private readonly tag = filterSelect('Tag', 'ov-tag-filter', () => this.render());
  private readonly topic = filterSelect('Topic', 'ov-topic-filter', () => this.render());
  private selected?: { i: number; j: number; relation: 'agree' | 'conflict' };
  private matrix?: AgreementMatrix;

  constructor(private readonly host: OverviewHost) {
    this.include = h('input', { type: 'checkbox', class: 'ov-include-suggestions' });
    this.include.addEventListener('change', () => this.render());
    this.charts = h('div', { class: 'agreement-charts' });
    this.details = h('div', { class: 'agreement-details', 'aria-live': 'polite' });
    this.element = h(
      'section',
      { class: 'ov-view agreement-view', 'aria-label': 'Agreement chart' },
      h(
        'div',
        { class: 'ov-filters' },
        h('label', { class: 'ov-filter' }, this.include, h('span', {}, 'Include unreviewed suggestions')),
        this.tag.element,
        this.topic.element,
      ),
      h('div', { class: 'ov-scroll' }, this.charts, this.details),
    );
  }

  private filteredLinks(): { links: Link[]; keepSuggestion: (doc: string, start: number, end: number) => boolean } {
    const data = this.host.data;
    let links = data.sources.links.links;
    const tag = this.tag.select.value;
    if (tag) {
      const ids = data.sources.annotations.withDescendants(tag);
      links = links.filter((l) => l.tags.some((t) => ids.has(t)));
    }
    const topicId = this.topic.select.value;
    const group = topicId ? data.groups().find((g) => g.id === topicId) : undefined;
    if (group) {
      const inTopic = new Set(group.links.map((l) => l.id));
      links = links.filter((l) => inTopic.has(l.id));
    }
    const find = group ? topicFinder([group]) : undefined;
    return {
      links,
      // Suggestions carry no tags: a tag filter leaves them out; a topic keeps those touching it.
      keepSuggestion: (doc, start, end) => !tag && (!find || !!find(doc, start, end)),
    };
  }

  render(): void {
    const data = this.host.data;
    this.tag.set(tagOptions(data));
    this.topic.set([['', 'All topics'], ...data.groups().map((g): [string, string] => [g.id, data.topicName(g).text])]);
    const { links, keepSuggestion } = this.filteredLinks();
    const suggestions = this.include.checked
      ? data.sources
          .suggestions()
          .filter((s) => keepSuggestion(s.a.doc, s.a.start, s.a.end) || keepSuggestion(s.b.doc, s.b.start, s.b.end))
      : [];
    const m = agreementMatrix({ docs: data.documents(), links, suggestions, includeSuggestions: this.include.checked });
    this.matrix = m;
    if (m.authors.length < 2) {
      this.charts.replaceChildren(
        h('p', { class: 'ov-empty' }, 'The chart compares authors: add texts by at least two.'),
      );
      this.details.replaceChildren();
      return;
    }
    this.charts.replaceChildren(this.heatmap(m, 'agree'), this.heatmap(m, 'conflict'));
    this.renderDetails();
  }

  private heatmap(m: AgreementMatrix, relation: 'agree' | 'conflict'): HTMLElement {
    const color = scaleSequential(relation === 'agree' ? interpolateGreens : interpolateReds).domain([
      0,
      Math.max(1, m.max[relation]),
    ]);
    const words = RELATION_WORDS[relation];
    const table = h(
      'table',
      { class: `heatmap heatmap-${relation}`, 'aria-label': `${words[1]} between authors` },
      h('caption', {}, relation === 'agree' ? 'Agreements' : 'Conflicts'),
      h('thead', {}, h('tr', {}, h('th', {}), ...m.authors.map((a) => h('th', { scope: 'col' }, a.label)))),
      h(
        'tbody',
        {},
        ...m.authors.map((row, i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, row.label),
            ...m.authors.map((col, j) => {
              const n = m.cell(i, j)[relation];
              const fill = n ? color(n) : 'transparent';
              const cell = h(
                'td',
                {
                  class: `heat-cell${i === j ? ' is-self' : ''}${this.isSelected(i, j, relation) ? ' is-selected' : ''}`,
                  'data-row': row.label,
                  'data-col': col.label,
                  'aria-label': `${row.label} and ${col.label}: ${n} ${n === 1 ? words[0] : words[1]}`,
                  title: `${row.label} × ${col.label}: ${n} ${n === 1 ? words[0] : words[1]}${i === j ? ' (between their own texts)' : ''}`,
                },
                String(n),
              );
              cell.style.background = fill;
              // Dark fills take light text (the upper half of the ramp).
              if (n / Math.max(1, m.max[relation]) > 0.55) cell.classList.add('is-dark');
              return activate(cell, () => {
                this.selected = { i, j, relation };
                this.render();
              });
            }),
          ),
        ),
      ),
    );
    return table;
  }

  private isSelected(i: number, j: number, relation: string): boolean {
    const s = this.selected;
    return !!s && s.relation === relation && ((s.i === i && s.j === j) || (s.i === j && s.j === i));
  }

  private renderDetails(): void {
    const m = this.matrix;
    const s = this.selected;
    if (!m || !s || s.i >= m.authors.length || s.j >= m.authors.length) {
      this.details.replaceChildren(h('p', { class: 'ov-hint' }, 'Click a cell to list its links.'));
      return;
    }
    const items = m.cell(s.i, s.j).items.filter((x) => x.relation === s.relation);
    const words = RELATION_WORDS[s.relation];
    const title = `${m.authors[s.i].label} × ${m.authors[s.j].label}: ${items.length} ${items.length === 1 ? words[0] : words[1]}`;
    this.details.replaceChildren(h('h3', {}, title), ...items.slice(0, 200).map((item) => this.itemElement(item)));
  }

  private itemElement(item: MatrixItem): HTMLElement {
    const data = this.host.data;
    const docs = new Map(data.documents().map((d) => [d.id, d]));
    const by = (doc: string) => {
      const d = docs.get(doc);
      return d ? `${authorLabel(d.meta)}${d.meta.date ? `, ${d.meta.date.slice(0, 4)}` : ''}` : doc;
    };
    let passages: { doc: string; start: number; end: number; revision: number; text: string }[] = [];
    let note = '';
    if (item.kind === 'link') {
      const link = data.sources.links.get(item.id);
      if (link) {
        passages = link.ends.filter((e) => !e.orphan).map((e) => ({ ...e, text: e.quote.exact }));
        note = link.note;
      }
    } else {
      const sg = data.sources.suggestions().find((x) => x.id === item.id);
      if (sg) passages = [sg.a, sg.b];
    }
    const el = h(
      'article',
      {
        class: `matrix-item ${item.kind === 'link' ? 'is-reviewed' : 'is-unreviewed'}`,
        title: 'Show the passages in the panes',
      },
      item.kind === 'suggestion'
        ? h('span', { class: 'ov-badge badge-unreviewed' }, 'Unreviewed suggestion')
        : undefined,
      h('div', { class: 'conflict-quotes' }, ...passages.map((p) => quote(p.text, by(p.doc), 200))),
      note ? h('p', { class: 'ov-note' }, note) : undefined,
    );
    return activate(el, () => void this.host.reveal(passages));
  }

  focus(): void {
    (this.charts.querySelector<HTMLElement>('.heat-cell') ?? this.include).focus({ preventScroll: true });
  }
}
