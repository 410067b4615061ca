/**
 * The synopsis grid: rows are topics (groups of linked passages, or every passage with a
 * tag), columns are documents by date, each cell the author's passages with a stance badge
 * (agrees / conflicts with whom). Rows can be renamed (double-click or F2), merged (tick
 * them, Merge), moved (↑ ↓, or Alt+Shift+↑ / ↓ on a row) and made from a tag.
 */
import type { CallInput, CallName } from '../../../common/api';
import type { DocumentSummary, Link } from '../../../common/model';
import { authorLabel, byDate, yearNumber } from '../../../common/overviews';
import { call } from '../bridge';
import { h } from '../dom';
import { clip } from '../labels';
import type { SynopsisRow } from './overview-data';
import {
  activate,
  filterSelect,
  tagOptions,
  type OverviewHost,
  type OverviewView,
  type PassageTarget,
} from './widgets';

/** Rows drawn at once; the rest come with "Show more" (all of them when printing). */
const PAGE = 40;

const STANCE = { agree: 'agrees with', conflict: 'conflicts with', related: 'related to' } as const;

interface CellPassage extends PassageTarget {
  text: string;
  stances: { relation: Link['relation']; with: string[] }[];
}

export class SynopsisView implements OverviewView {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly count: HTMLElement;
  private readonly mergeButton: HTMLButtonElement;
  private readonly tagRow = filterSelect('Row from tag', 'ov-tag-row', () => void this.addTagRow());
  private readonly ticked = new Set<string>();
  private renaming?: string;
  private shown = PAGE;

  constructor(private readonly host: OverviewHost) {
    this.count = h('span', { class: 'ov-count', role: 'status' });
    this.mergeButton = h(
      'button',
      { type: 'button', class: 'ov-merge', title: 'Merge the ticked rows into the first of them' },
      'Merge ticked rows',
    );
    this.mergeButton.addEventListener('click', () => void this.mergeTicked());
    this.table = h('table', { class: 'synopsis-grid' });
    this.element = h(
      'section',
      { class: 'ov-view synopsis-view', 'aria-label': 'Synopsis grid' },
      h('div', { class: 'ov-filters' }, this.tagRow.element, this.mergeButton, this.count),
      h('div', { class: 'ov-scroll' }, this.table),
    );
  }

  private columns(): DocumentSummary[] {
    return byDate(this.host.documents());
  }

  render(): void {
    const data = this.host.data;
    const used = new Set(data.topics.filter((t) => t.tag).map((t) => t.tag!));
    this.tagRow.set(tagOptions(data, 'Add a row from a tag…').filter(([id]) => !used.has(id)));
    const rows = data.rows();
    for (const id of [...this.ticked]) if (!rows.some((r) => r.id === id)) this.ticked.delete(id);
    this.mergeButton.disabled = this.ticked.size < 2;
    this.count.textContent = `${rows.length} topic${rows.length === 1 ? '' : 's'}`;
    const docs = this.columns();
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'topic-col' }, 'Topic'),
      ...docs.map((d) =>
        h(
          'th',
          { scope: 'col', title: d.meta.title },
          authorLabel(d.meta),
          h('span', { class: 'ov-year' }, yearNumber(d.meta) ? ` ${yearNumber(d.meta)}` : ''),
        ),
      ),
    );
    const visible = document.body.classList.contains('printing-overview') ? rows : rows.slice(0, this.shown);
    const body = rows.length
      ? visible.map((row, i) => this.rowElement(row, i, rows.length, docs))
      : [
          h(
            'tr',
            {},
            h(
              'td',
              { colspan: String(docs.length + 1), class: 'ov-empty' },
              'No topics yet: link passages of different texts (or accept suggestions), or add a row from a tag.',
            ),
          ),
        ];
    if (visible.length < rows.length) {
      const more = h(
        'button',
        { type: 'button', class: 'ov-more' },
        `Show more (${rows.length - visible.length} rows not shown)`,
      );
      more.addEventListener('click', () => {
        this.shown += PAGE;
        this.render();
      });
      body.push(h('tr', {}, h('td', { colspan: String(docs.length + 1) }, more)));
    }
    this.table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...body));
  }

  private cells(row: SynopsisRow, docs: DocumentSummary[]): Map<string, CellPassage[]> {
    const byDoc = new Map<string, CellPassage[]>(docs.map((d) => [d.id, []]));
    const label = new Map(docs.map((d) => [d.id, authorLabel(d.meta)]));
    if (row.kind === 'tag') {
      for (const a of this.host.data.tagged(row.record.tag!)) {
        byDoc
          .get(a.doc)
          ?.push({ doc: a.doc, start: a.start, end: a.end, revision: a.revision, text: a.quote.exact, stances: [] });
      }
    } else {
      for (const { link, end } of row.group.ends) {
        if (end.orphan) continue;
        const list = byDoc.get(end.doc);
        if (!list) continue;
        let p = list.find((x) => x.start === end.start && x.end === end.end);
        if (!p)
          list.push(
            (p = {
              doc: end.doc,
              start: end.start,
              end: end.end,
              revision: end.revision,
              text: end.quote.exact,
              stances: [],
            }),
          );
        const others = [...new Set(link.ends.filter((e) => e.doc !== end.doc).map((e) => label.get(e.doc) ?? e.doc))];
        const same = p.stances.find((s) => s.relation === link.relation);
        if (same) same.with = [...new Set([...same.with, ...others])];
        else if (others.length) p.stances.push({ relation: link.relation, with: others });
      }
    }
    for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start);
    return byDoc;
  }

  private rowElement(row: SynopsisRow, index: number, count: number, docs: DocumentSummary[]): HTMLElement {
    const data = this.host.data;
    const name = data.rowName(row);
    const tick = h('input', { type: 'checkbox', 'aria-label': `Tick “${name.text}” to merge` });
    tick.checked = this.ticked.has(row.id);
    tick.disabled = row.kind === 'tag';
    tick.addEventListener('change', () => {
      if (tick.checked) this.ticked.add(row.id);
      else this.ticked.delete(row.id);
      this.mergeButton.disabled = this.ticked.size < 2;
    });
    const button = (text: string, title: string, run: () => void, disabled = false) => {
      const b = h('button', { type: 'button', class: 'icon', title, 'aria-label': title, disabled }, text);
      b.addEventListener('click', run);
      return b;
    };
    const nameEl =
      this.renaming === row.id
        ? this.renameInput(index, name.text)
        : h('span', { class: `topic-name from-${name.from}`, title: 'Double-click or F2 to rename' }, name.text);
    nameEl.addEventListener('dblclick', () => this.startRename(row.id));
    const head = h(
      'th',
      { scope: 'row', class: 'topic-col' },
      h(
        'div',
        { class: 'topic-head' },
        tick,
        nameEl,
        h(
          'span',
          { class: 'topic-actions' },
          button('✎', 'Rename (F2)', () => this.startRename(row.id)),
          button('↑', 'Move up', () => void this.move(index, -1), index === 0),
          button('↓', 'Move down', () => void this.move(index, 1), index === count - 1),
          row.kind === 'tag' || row.group.record?.name
            ? button(
                '✕',
                row.kind === 'tag' ? 'Remove this row' : 'Forget the name',
                () => void this.mutate('deleteTopic', { id: row.id }),
              )
            : undefined,
        ),
      ),
    );
    const cells = this.cells(row, docs);
    const tr = h(
      'tr',
      { 'data-topic': row.id, tabindex: '-1', class: row.kind === 'tag' ? 'tag-row' : undefined },
      head,
      ...docs.map((d) => {
        const list = cells.get(d.id) ?? [];
        return h(
          'td',
          { 'data-doc': d.id, class: list.length ? undefined : 'is-empty' },
          ...list.map((p) =>
            activate(
              h(
                'div',
                { class: 'cell-passage', title: 'Show in a pane' },
                h('p', {}, clip(p.text, 160)),
                ...p.stances.map((s) =>
                  h('span', { class: `stance stance-${s.relation}` }, `${STANCE[s.relation]} ${s.with.join(', ')}`),
                ),
              ),
              () => void this.host.reveal([p]),
            ),
          ),
        );
      }),
    );
    tr.addEventListener('keydown', (event) => {
      if (event.target instanceof HTMLInputElement) return;
      if (event.key === 'F2') {
        event.preventDefault();
        this.startRename(row.id);
      } else if (event.altKey && event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        void this.move(index, event.key === 'ArrowUp' ? -1 : 1);
      }
    });
    return tr;
  }

  private renameInput(index: number, current: string): HTMLInputElement {
    const input = h('input', {
      type: 'text',
      class: 'topic-rename',
      value: current,
      'aria-label': 'Topic name',
      maxlength: '200',
    });
    let done = false;
    const finish = (save: boolean) => {
      if (done) return;
      done = true;
      this.renaming = undefined;
      const name = input.value.trim();
      if (save && name && name !== current)
        void this.mutate('nameTopic', { order: this.host.data.order(), index, name });
      else this.render();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') finish(true);
      else if (event.key === 'Escape') {
        event.stopPropagation();
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(true));
    queueMicrotask(() => {
      input.focus();
      input.select();
    });
    return input;
  }

  private startRename(id: string): void {
    this.renaming = id;
    this.render();
  }

  private async move(index: number, direction: -1 | 1): Promise<void> {
    const order = this.host.data.order();
    const to = index + direction;
    if (to < 0 || to >= order.length) return;
    [order[index], order[to]] = [order[to], order[index]];
    const id = this.host.data.rows()[index].id;
    await this.mutate('orderTopics', { order });
    // Keep the keyboard on the row that moved (it may have a new id once it has a record).
    const rows = this.table.querySelectorAll<HTMLElement>('tbody tr');
    (rows[to] ?? this.table.querySelector(`[data-topic="${CSS.escape(id)}"]`))?.focus();
  }

  private async mergeTicked(): Promise<void> {
    const rows = this.host.data.rows();
    const indexes = rows.flatMap((r, i) => (this.ticked.has(r.id) ? [i] : []));
    if (indexes.length < 2) return;
    this.ticked.clear();
    await this.mutate('mergeTopics', { order: this.host.data.order(), into: indexes[0], from: indexes.slice(1) });
  }

  private async addTagRow(): Promise<void> {
    const tag = this.tagRow.select.value;
    if (!tag) return;
    await this.mutate('addTagTopic', { tag });
  }

  /** Runs a topic call, then takes the topic list as it now is. */
  private async mutate<K extends CallName>(name: K, input: CallInput<K>): Promise<void> {
    try {
      await call(name, input);
      await this.host.data.reloadTopics();
    } catch (err) {
      this.host.notify(`The grid was not changed: ${(err as Error).message}`, 'error');
      this.render();
    }
  }

  focus(): void {
    (this.table.querySelector<HTMLElement>('tbody tr[data-topic]') ?? this.tagRow.select).focus({
      preventScroll: true,
    });
  }
}
