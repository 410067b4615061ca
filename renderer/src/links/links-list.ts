/**
 * The Links tab of the side panel: every link, filtered by relation, pair of documents
 * (a link joining several texts matches each pair it joins), tag and text (quotes and
 * note); a click opens the link and brings its passages into view. Also the orphaned
 * link ends, for the Orphans tab: re-attach one to the selection, or take it out.
 */
import type { DocumentSummary, Link, Relation } from '../../../common/model';
import { h } from '../dom';
import { clip, docLabel } from '../labels';
import type { AnnotationModel } from '../panels/annotation-model';
import { pairOf } from '../review/queue';
import type { Linker } from './linker';
import { RELATION_VERB } from './link-marks';

export interface LinksListHost {
  documents(): DocumentSummary[];
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** Whether a link passes the Links tab's filters. */
export function linkMatches(
  link: Link,
  filter: { relation: Relation | ''; pair: string; tag: string; text: string },
): boolean {
  if (filter.relation && link.relation !== filter.relation) return false;
  if (filter.tag && !link.tags.includes(filter.tag)) return false;
  if (filter.pair) {
    const docs = [...new Set(link.ends.map((e) => e.doc))];
    const pairs = docs.flatMap((a, i) => docs.slice(i + 1).map((b) => pairOf(a, b)));
    if (!pairs.includes(filter.pair)) return false;
  }
  const q = filter.text.trim().toLowerCase();
  if (q && !link.note.toLowerCase().includes(q) && !link.ends.some((e) => e.quote.exact.toLowerCase().includes(q)))
    return false;
  return true;
}

export class LinksList {
  readonly element: HTMLElement;
  /** The orphaned link ends, shown under the Orphans tab. */
  readonly orphans: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly relation: HTMLSelectElement;
  private readonly pair: HTMLSelectElement;
  private readonly tag: HTMLSelectElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    private readonly linker: Linker,
    private readonly annotations: AnnotationModel,
    private readonly host: LinksListHost,
  ) {
    this.search = h('input', {
      type: 'search',
      class: 'panel-search',
      placeholder: 'Search quotes and notes',
      'aria-label': 'Search links',
    });
    this.relation = h(
      'select',
      { 'aria-label': 'Filter links by relation' },
      h('option', { value: '' }, 'All relations'),
      h('option', { value: 'agree' }, 'Agree'),
      h('option', { value: 'conflict' }, 'Conflict'),
      h('option', { value: 'related' }, 'Related'),
    );
    this.pair = h('select', { 'aria-label': 'Filter links by pair of documents' });
    this.tag = h('select', { 'aria-label': 'Filter links by tag' });
    for (const input of [this.search, this.relation, this.pair, this.tag]) {
      input.addEventListener('input', () => this.render());
    }
    this.count = h('p', { class: 'view-count', role: 'status' });
    this.list = h('ul', { class: 'panel-list links-list' });
    this.element = h(
      'div',
      { class: 'links-view' },
      h('div', { class: 'panel-filters' }, this.search, this.relation, this.pair, this.tag),
      this.count,
      this.list,
    );
    this.orphans = h('ul', { class: 'panel-list link-orphans', 'aria-label': 'Link passages not found' });
    linker.model.onChange(() => this.render());
  }

  private label(docId: string): string {
    return docLabel(
      this.host.documents().find((d) => d.id === docId),
      docId,
    );
  }

  /** How many link ends are orphans (for the Orphans tab's count). */
  orphanCount(): number {
    return this.linker.model.links.reduce((n, l) => n + l.ends.filter((e) => e.orphan).length, 0);
  }

  render(): void {
    this.renderFilters();
    const links = this.linker.model.links;
    const filter = {
      relation: this.relation.value as Relation | '',
      pair: this.pair.value,
      tag: this.tag.value,
      text: this.search.value,
    };
    const items = links.filter((l) => linkMatches(l, filter));
    this.count.textContent = links.length
      ? items.length === links.length
        ? `${links.length} link${links.length === 1 ? '' : 's'}`
        : `${items.length} of ${links.length} links`
      : 'No links yet: select a passage, press L, then select its partner in another pane.';
    this.list.replaceChildren(...items.map((l) => this.row(l)));
    this.renderOrphans();
  }

  private renderFilters(): void {
    const docs = this.host.documents();
    const pair = this.pair.value;
    const pairs = docs.flatMap((a, i) => docs.slice(i + 1).map((b) => [pairOf(a.id, b.id), a, b] as const));
    this.pair.replaceChildren(
      h('option', { value: '' }, 'All pairs of texts'),
      ...pairs.map(([key, a, b]) => h('option', { value: key }, `${this.label(a.id)} – ${this.label(b.id)}`)),
    );
    this.pair.value = pairs.some(([key]) => key === pair) ? pair : '';
    const tag = this.tag.value;
    this.tag.replaceChildren(
      h('option', { value: '' }, 'All tags'),
      ...this.annotations
        .tree()
        .map(({ tag: t, depth }) => h('option', { value: t.id }, `${'\u00a0\u00a0'.repeat(depth)}${t.name}`)),
    );
    this.tag.value = this.annotations.tag(tag) ? tag : '';
  }

  private row(link: Link): HTMLElement {
    const open = h(
      'button',
      { type: 'button', class: 'row-open', title: 'Open the link and show its passages' },
      h(
        'div',
        { class: 'row-meta' },
        h('span', { class: `chip lk lk-${link.relation}` }, RELATION_VERB[link.relation].split(' ')[0]),
        ...link.tags.map((t) =>
          h('span', { class: 'chip' }, h('span', { class: `swatch swatch-${t}` }), this.annotations.tagName(t)),
        ),
      ),
      ...link.ends.map((e) =>
        h(
          'div',
          { class: `link-end${e.orphan ? ' orphan' : ''}` },
          h('span', { class: 'row-doc' }, this.label(e.doc)),
          h('q', { class: 'row-quote' }, clip(e.quote.exact, 120)),
        ),
      ),
      link.note ? h('p', { class: 'row-note' }, clip(link.note, 140)) : undefined,
    );
    open.addEventListener('click', () => void this.openLink(link, open));
    return h('li', { class: 'panel-row', 'data-link': link.id }, open);
  }

  private async openLink(link: Link, row: HTMLElement): Promise<void> {
    const first = link.ends.findIndex((e) => !e.orphan);
    if (first >= 0) await this.linker.goTo(link.id, first);
    this.linker.open(link.id, row.getBoundingClientRect());
  }

  private renderOrphans(): void {
    const rows: HTMLElement[] = [];
    for (const link of this.linker.model.orphaned()) {
      link.ends.forEach((end, index) => {
        if (!end.orphan) return;
        const attach = h(
          'button',
          { type: 'button', title: 'Attach this link end to the text selected in a pane' },
          'Attach to selection',
        );
        attach.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
        attach.addEventListener('click', () => void this.linker.reattach(link.id, index));
        const remove = h(
          'button',
          { type: 'button', class: 'danger', disabled: link.ends.length <= 2 },
          'Remove from link',
        );
        remove.title =
          link.ends.length <= 2
            ? 'A link joins at least two passages: open the link to delete it'
            : 'Take it out of the link';
        remove.addEventListener(
          'click',
          () =>
            void this.linker
              .mutate('removeLinkEnd', { id: link.id, index })
              .catch((err: Error) => this.host.notify(err.message, 'error')),
        );
        const open = h('button', { type: 'button', class: 'link' }, 'Open link');
        open.addEventListener('click', () => this.linker.open(link.id, open.getBoundingClientRect()));
        rows.push(
          h(
            'li',
            { class: 'panel-row orphan', 'data-link': link.id },
            h(
              'div',
              { class: 'row-meta' },
              h('span', { class: `chip lk lk-${link.relation}` }, 'Link passage'),
              h('span', { class: 'row-doc' }, this.label(end.doc)),
            ),
            h('q', { class: 'row-quote' }, clip(end.quote.exact, 180)),
            h('div', { class: 'row-actions' }, attach, remove, open),
          ),
        );
      });
    }
    this.orphans.replaceChildren(...rows);
    this.orphans.hidden = rows.length === 0;
  }
}
