/**
 * The overviews, docked under the panes (so the passages they point to stay in sight):
 * Contradictions (Ctrl+Shift+C), Synopsis (Ctrl+Shift+Y), Agreement (Ctrl+Shift+H) and
 * Search (Ctrl+Shift+F). The open view redraws when links, tags, suggestions or topics
 * change. ⤢ gives the dock the whole window; Print prints the open view alone; Esc closes.
 */
import { h } from '../dom';
import { AgreementView } from './agreement-view';
import { ContradictionsView } from './contradictions-view';
import { SearchView, type SearchHost } from './search-view';
import { SynopsisView } from './synopsis-view';
import type { OverviewView } from './widgets';

export type OverviewTab = 'contradictions' | 'synopsis' | 'agreement' | 'search';

const TABS: { id: OverviewTab; label: string; key: string }[] = [
  { id: 'contradictions', label: 'Contradictions', key: 'Ctrl+Shift+C' },
  { id: 'synopsis', label: 'Synopsis', key: 'Ctrl+Shift+Y' },
  { id: 'agreement', label: 'Agreement', key: 'Ctrl+Shift+H' },
  { id: 'search', label: 'Search', key: 'Ctrl+Shift+F' },
];

export class OverviewPanel {
  readonly element: HTMLElement;
  readonly toolbarButton: HTMLButtonElement;
  readonly contradictions: ContradictionsView;
  readonly synopsis: SynopsisView;
  readonly agreement: AgreementView;
  readonly search: SearchView;
  private readonly views: Record<OverviewTab, OverviewView>;
  private readonly tabButtons: Record<OverviewTab, HTMLButtonElement>;
  private readonly body: HTMLElement;
  private readonly expandButton: HTMLButtonElement;
  private tab: OverviewTab = 'contradictions';
  private stale = true;
  /** How long the last draw of the open view took (ms), for the benchmark. */
  lastDrawMs = 0;

  constructor(private readonly host: SearchHost) {
    this.contradictions = new ContradictionsView(host);
    this.synopsis = new SynopsisView(host);
    this.agreement = new AgreementView(host);
    this.search = new SearchView(host);
    this.views = {
      contradictions: this.contradictions,
      synopsis: this.synopsis,
      agreement: this.agreement,
      search: this.search,
    };
    this.tabButtons = Object.fromEntries(
      TABS.map(({ id, label, key }) => {
        const b = h(
          'button',
          { type: 'button', role: 'tab', class: 'ov-tab', 'data-tab': id, title: `${label} (${key})` },
          label,
        );
        b.addEventListener('click', () => this.open(id));
        return [id, b];
      }),
    ) as Record<OverviewTab, HTMLButtonElement>;
    const button = (text: string, cls: string, title: string, run: () => void) => {
      const b = h('button', { type: 'button', class: cls, title, 'aria-label': title }, text);
      b.addEventListener('click', run);
      return b;
    };
    this.expandButton = button('⤢', 'icon ov-expand', 'Give the overview the whole window', () =>
      this.toggleExpanded(),
    );
    this.body = h('div', { class: 'ov-body' });
    this.element = h(
      'section',
      { class: 'overview-dock', hidden: true, 'aria-label': 'Overviews' },
      this.resizeHandle(),
      h(
        'header',
        { class: 'ov-header' },
        h('div', { class: 'ov-tabs', role: 'tablist' }, ...TABS.map((t) => this.tabButtons[t.id])),
        h('span', { class: 'spacer' }),
        button('Print…', 'ov-print', 'Print this overview', () => this.print()),
        this.expandButton,
        button('✕', 'icon ov-close', 'Close the overviews (Esc)', () => this.close()),
      ),
      this.body,
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        this.close();
      }
    });
    this.toolbarButton = h(
      'button',
      {
        type: 'button',
        class: 'overviews-toggle',
        title: 'Contradictions, synopsis grid, agreement chart, search (Ctrl+Shift+C)',
      },
      'Overviews',
    );
    this.toolbarButton.addEventListener('click', () => (this.isOpen ? this.close() : this.open(this.tab)));
    host.data.onChange(() => {
      this.stale = true;
      if (this.isOpen) this.draw();
    });
  }

  /** A bar on the dock's top edge: drag it (or focus it and press ↑ / ↓) to give the dock more or less height. */
  private resizeHandle(): HTMLElement {
    const handle = h('div', {
      class: 'ov-resize',
      role: 'separator',
      'aria-orientation': 'horizontal',
      'aria-label': 'Resize the overviews',
      title: 'Drag to resize (or ↑ / ↓)',
      tabindex: '0',
    });
    const setHeight = (px: number) => {
      const max = window.innerHeight - 160;
      this.element.style.flexBasis = `${Math.round(Math.max(140, Math.min(max, px)))}px`;
    };
    handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      const bottom = this.element.getBoundingClientRect().bottom;
      const move = (e: PointerEvent) => setHeight(bottom - e.clientY);
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
    });
    handle.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      event.preventDefault();
      event.stopPropagation();
      setHeight(this.element.getBoundingClientRect().height + (event.key === 'ArrowUp' ? 40 : -40));
    });
    return handle;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  get openTab(): OverviewTab | undefined {
    return this.isOpen ? this.tab : undefined;
  }

  /** Opens (or switches to) a view and puts the keyboard in it. */
  open(tab: OverviewTab): void {
    const switched = tab !== this.tab || !this.isOpen;
    this.tab = tab;
    this.element.hidden = false;
    this.toolbarButton.setAttribute('aria-pressed', 'true');
    for (const t of TABS) this.tabButtons[t.id].setAttribute('aria-selected', String(t.id === tab));
    if (switched || this.stale) this.draw();
    this.views[tab].focus();
    if (tab === 'search') void this.search.search();
  }

  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.element.classList.remove('is-expanded');
    document.body.classList.remove('overview-expanded');
    this.toolbarButton.setAttribute('aria-pressed', 'false');
    this.search.clearPanes();
    this.host.panes()[0]?.focus();
  }

  private draw(): void {
    const started = performance.now();
    const view = this.views[this.tab];
    view.render();
    if (this.body.firstChild !== view.element) this.body.replaceChildren(view.element);
    this.stale = false;
    this.lastDrawMs = performance.now() - started;
    this.element.dataset.drawMs = this.lastDrawMs.toFixed(1);
    this.element.dataset.drawnAt = performance.now().toFixed(1);
  }

  private toggleExpanded(): void {
    const on = this.element.classList.toggle('is-expanded');
    document.body.classList.toggle('overview-expanded', on);
    this.expandButton.title = on ? 'Show the panes again' : 'Give the overview the whole window';
  }

  /** Prints the open view alone, at full length (the print stylesheet hides the rest). */
  print(): void {
    document.body.classList.add('printing-overview');
    this.draw(); // every row and entry, not the first page
    const done = () => {
      document.body.classList.remove('printing-overview');
      this.draw();
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  }
}
