/**
 * The side panel: every annotation of the workspace, filterable by text, tag (with
 * its sub-tags) and document, where a click scrolls the pane to the passage; the
 * codebook; and the orphans — annotations whose text could not be found again, kept
 * for the analyst to re-attach or delete.
 */
import type { Annotation, DocumentSummary } from '../../../common/model';
import { agree, counted } from '../../../common/wording';
import { h } from '../dom';
import { clip, docLabel } from '../labels';
import type { AnnotationModel } from './annotation-model';
import { CodebookView, type CodebookHost } from './codebook-view';

export interface SidePanelHost extends CodebookHost {
  documents(): DocumentSummary[];
  reveal(annotation: Annotation): void;
  reattach(annotation: Annotation): Promise<void>;
  deleteAnnotation(annotation: Annotation): Promise<void>;
}

/** Most list rows drawn at once; the rest come with "Show more". */
const PAGE = 200;

type Tab = 'annotations' | 'codebook' | 'orphans' | (string & {});

/** A view another part of the workspace puts in the panel under its own tab. */
export interface PanelView {
  element: HTMLElement;
  render(): void;
  /** Told when its tab is shown or left. */
  setVisible?(visible: boolean): void;
}

/** More orphans (e.g. link passages), listed under the Orphans tab after the annotations. */
export interface OrphanView {
  element: HTMLElement;
  orphanCount(): number;
  render(): void;
}

export class SidePanel {
  readonly element: HTMLElement;
  private tab: Tab = 'annotations';
  private shown = PAGE;
  private readonly tabs: Record<'annotations' | 'codebook' | 'orphans', HTMLButtonElement>;
  private readonly tabList: HTMLElement;
  private readonly views = new Map<string, { button: HTMLButtonElement; view: PanelView }>();
  private readonly orphanViews: OrphanView[] = [];
  private readonly search: HTMLInputElement;
  private readonly tagFilter: HTMLSelectElement;
  private readonly docFilter: HTMLSelectElement;
  private readonly filters: HTMLElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private readonly codebook: CodebookView;

  constructor(
    private readonly model: AnnotationModel,
    private readonly host: SidePanelHost,
  ) {
    const tab = (id: Tab, label: string) => {
      const b = h('button', { type: 'button', role: 'tab', class: 'panel-tab', 'data-tab': id }, label);
      b.addEventListener('click', () => this.show(id));
      return b;
    };
    this.tabs = {
      annotations: tab('annotations', 'Annotations'),
      codebook: tab('codebook', 'Codebook'),
      orphans: tab('orphans', 'Orphans'),
    };
    this.search = h('input', {
      type: 'search',
      class: 'panel-search',
      placeholder: 'Search quotes and notes',
      'aria-label': 'Search annotations',
    });
    this.tagFilter = h('select', { class: 'panel-tag-filter', 'aria-label': 'Filter by tag' });
    this.docFilter = h('select', { class: 'panel-doc-filter', 'aria-label': 'Filter by document' });
    for (const input of [this.search, this.tagFilter, this.docFilter]) {
      input.addEventListener('input', () => {
        this.shown = PAGE;
        this.renderList();
      });
    }
    this.filters = h('div', { class: 'panel-filters' }, this.search, this.tagFilter, this.docFilter);
    this.count = h('p', { class: 'panel-count', role: 'status' });
    this.list = h('ul', { class: 'panel-list' });
    this.codebook = new CodebookView(model, host);
    this.element = h(
      'aside',
      { class: 'side-panel', 'aria-label': 'Annotations and codebook' },
      (this.tabList = h('div', { class: 'panel-tabs', role: 'tablist' }, ...Object.values(this.tabs))),
      this.filters,
      this.count,
      this.list,
      this.codebook.element,
    );
    model.onChange(() => this.render());
    this.render();
  }

  /** Adds a tab with its own view (after the annotations tab unless `before` names another). */
  addTab(id: string, label: string, view: PanelView, before?: Tab): void {
    const b = h('button', { type: 'button', role: 'tab', class: 'panel-tab', 'data-tab': id }, label);
    b.addEventListener('click', () => this.show(id));
    const ref = before ? this.tabList.querySelector(`[data-tab="${before}"]`) : null;
    this.tabList.insertBefore(b, ref);
    view.element.hidden = true;
    this.element.append(view.element);
    this.views.set(id, { button: b, view });
  }

  /** Lists more orphans under the Orphans tab. */
  addOrphans(view: OrphanView): void {
    this.orphanViews.push(view);
    this.element.append(view.element);
  }

  /** The tab shown. */
  get shownTab(): Tab {
    return this.tab;
  }

  show(tab: Tab): void {
    const left = this.views.get(this.tab);
    if (tab !== this.tab) left?.view.setVisible?.(false);
    this.tab = tab;
    this.shown = PAGE;
    this.render();
  }

  /** Shows annotations of one tag (from the codebook). */
  filterByTag(tagId: string): void {
    this.tagFilter.value = tagId;
    this.show('annotations');
  }

  render(): void {
    for (const [id, b] of Object.entries(this.tabs)) b.setAttribute('aria-selected', String(id === this.tab));
    const own = this.views.get(this.tab);
    for (const [id, { button, view }] of this.views) {
      button.setAttribute('aria-selected', String(id === this.tab));
      view.element.hidden = id !== this.tab;
    }
    const onOrphans = this.tab === 'orphans';
    for (const v of this.orphanViews) {
      v.element.hidden = !onOrphans || v.orphanCount() === 0;
      if (onOrphans) v.render();
    }
    const orphans = this.model.orphans().length + this.orphanViews.reduce((n, v) => n + v.orphanCount(), 0);
    this.tabs.orphans.textContent = orphans ? `Orphans (${orphans})` : 'Orphans';
    this.tabs.orphans.classList.toggle('has-orphans', orphans > 0);
    const onCodebook = this.tab === 'codebook';
    this.codebook.element.hidden = !onCodebook;
    this.list.hidden = this.count.hidden = onCodebook || !!own;
    this.filters.hidden = this.tab !== 'annotations';
    if (own) {
      this.codebook.element.hidden = true;
      own.view.setVisible?.(true);
      own.view.render();
    } else if (onCodebook) this.codebook.render();
    else {
      this.renderFilters();
      this.renderList();
    }
  }

  private renderFilters(): void {
    const tag = this.tagFilter.value;
    this.tagFilter.replaceChildren(
      h('option', { value: '' }, 'All tags'),
      ...this.model
        .tree()
        .map(({ tag: t, depth }) => h('option', { value: t.id }, `${'\u00a0\u00a0'.repeat(depth)}${t.name}`)),
    );
    this.tagFilter.value = this.model.tag(tag) ? tag : '';
    const doc = this.docFilter.value;
    const docs = this.host.documents();
    this.docFilter.replaceChildren(
      h('option', { value: '' }, 'All documents'),
      ...docs.map((d) => h('option', { value: d.id }, docLabel(d, d.id))),
    );
    this.docFilter.value = docs.some((d) => d.id === doc) ? doc : '';
  }

  private matching(): Annotation[] {
    if (this.tab === 'orphans') return this.model.orphans();
    const q = this.search.value.trim().toLowerCase();
    const tags = this.tagFilter.value ? this.model.withDescendants(this.tagFilter.value) : undefined;
    const doc = this.docFilter.value;
    const docOrder = new Map(this.host.documents().map((d, i) => [d.id, i]));
    return this.model.annotations
      .filter(
        (a) =>
          !a.orphan &&
          (!doc || a.doc === doc) &&
          (!tags || a.tags.some((t) => tags.has(t))) &&
          (!q || a.quote.exact.toLowerCase().includes(q) || a.note.toLowerCase().includes(q)),
      )
      .sort((a, b) => (docOrder.get(a.doc) ?? 0) - (docOrder.get(b.doc) ?? 0) || a.start - b.start);
  }

  private renderList(): void {
    const items = this.matching();
    const total = this.tab === 'orphans' ? items.length : this.model.annotations.filter((a) => !a.orphan).length;
    this.count.textContent =
      this.tab === 'orphans'
        ? items.length
          ? `${counted(items.length, 'annotation')} lost ${agree(items.length, 'its', 'their')} text. Select the passage in a pane, then attach.`
          : this.orphanViews.some((v) => v.orphanCount() > 0)
            ? 'Every annotation is attached to its text.'
            : 'No orphans: every annotation and link is attached to its text.'
        : items.length === total
          ? counted(total, 'annotation')
          : `${items.length} of ${total} annotations`;
    const docs = new Map(this.host.documents().map((d) => [d.id, d]));
    const rows = items.slice(0, this.shown).map((a) => this.row(a, docs.get(a.doc)));
    if (items.length > this.shown) {
      const more = h(
        'button',
        { type: 'button', class: 'panel-more' },
        `Show ${Math.min(PAGE, items.length - this.shown)} more`,
      );
      more.addEventListener('click', () => {
        this.shown += PAGE;
        this.renderList();
      });
      rows.push(h('li', {}, more));
    }
    this.list.replaceChildren(...rows);
  }

  private row(a: Annotation, doc: DocumentSummary | undefined): HTMLLIElement {
    const chips = a.tags.map((t) =>
      h('span', { class: 'chip' }, h('span', { class: `swatch swatch-${t}` }), this.model.tagName(t)),
    );
    const body = [
      h('div', { class: 'row-meta' }, ...chips, h('span', { class: 'row-doc' }, docLabel(doc, a.doc))),
      h('q', { class: 'row-quote' }, clip(a.quote.exact, 180)),
      a.note ? h('p', { class: 'row-note' }, clip(a.note, 140)) : undefined,
    ];
    if (this.tab === 'orphans') {
      const attach = h(
        'button',
        { type: 'button', title: 'Attach to the text selected in a pane' },
        'Attach to selection',
      );
      attach.addEventListener('click', () => void this.host.reattach(a));
      const remove = h('button', { type: 'button', class: 'danger' }, 'Delete');
      remove.addEventListener('click', () => void this.host.deleteAnnotation(a));
      return h(
        'li',
        { class: 'panel-row orphan', 'data-annotation': a.id },
        ...body,
        h('div', { class: 'row-actions' }, attach, remove),
      );
    }
    const open = h('button', { type: 'button', class: 'row-open', title: 'Show in its pane' }, ...body);
    open.addEventListener('click', () => this.host.reveal(a));
    return h('li', { class: 'panel-row', 'data-annotation': a.id }, open);
  }
}
