/**
 * The comparison instrument around the panes: connector curves between adjacent panes,
 * an overview ruler beside each, panes in step, and the counterparts panel. One frame
 * loop draws everything that follows scrolling: every box is read first, then written.
 */
import type { DocumentSummary, Link, Relation, Suggestion } from '../../../common/model';
import { call } from '../bridge';
import { posToOffset } from '../../../common/plaintext';
import { h } from '../dom';
import type { LinkModel } from '../links/link-model';
import type { AnnotationModel } from '../panels/annotation-model';
import type { Pane } from '../panes/pane';
import { CounterpartsPanel } from './counterparts';
import { ConnectorCurves } from './curves';
import { contentY, passageRange, placePassage, plainText } from './geometry';
import { PanesInStep, type AnchorPairs } from './in-step';
import { OverviewRuler, type RulerMark } from './ruler';

export interface CompareHost {
  panes(): Pane[];
  readonly links: LinkModel;
  annotations(): AnnotationModel;
  /** Align's suggestions that are not dismissed. */
  suggestions(): Suggestion[];
  /** The suggestion whose card is open. */
  focusedSuggestion(): Suggestion | undefined;
  documents(): DocumentSummary[];
  /** Adds a pane beside the active one showing `docId` (the one being read stays). */
  openBeside(docId: string): Promise<Pane | undefined>;
  notify(message: string, kind?: 'info' | 'error'): void;
  /** Opens a link's card near a place on screen. */
  openLink(id: string, near: DOMRect): void;
}

/** How long a revealed passage stays highlighted. */
const FLASH_MS = 1600;

export class Comparison {
  readonly curves: ConnectorCurves;
  readonly inStep: PanesInStep;
  readonly counterparts: CounterpartsPanel;
  /** The toolbar toggle for panes in step. */
  readonly stepButton: HTMLButtonElement;
  private readonly rulers = new Map<Pane, OverviewRuler>();
  private frame?: number;
  private flashTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: CompareHost) {
    this.curves = new ConnectorCurves({
      panes: () => host.panes(),
      links: () => host.links.links,
      focusedSuggestion: () => host.focusedSuggestion(),
      selectLink: (id, near) => this.selectLink(id, near),
    });
    this.inStep = new PanesInStep({ panes: () => host.panes(), anchors: (a, b) => this.anchors(a, b) });
    this.counterparts = new CounterpartsPanel({
      panes: () => host.panes(),
      documents: () => host.documents(),
      source: (query) => call('getCounterparts', { ...query, k: 3 }),
      link: (relation, ends) => this.link(relation, ends),
      show: (doc, start, end) => {
        const pane = host.panes().find((p) => p.docId === doc);
        if (pane) this.reveal(pane, start, end);
        return !!pane;
      },
      openBeside: async (doc, start, end) => {
        const pane = await host.openBeside(doc);
        if (pane) this.reveal(pane, start, end);
      },
      notify: (message, kind) => host.notify(message, kind),
    });
    this.stepButton = h(
      'button',
      {
        type: 'button',
        class: 'in-step',
        'aria-pressed': 'false',
        title: 'Keep the panes in step while scrolling, by links and counterparts (Ctrl+Alt+S)',
      },
      'In step',
    );
    this.stepButton.addEventListener('click', () => this.toggleInStep());
    this.inStep.onToggle((on) => this.stepButton.setAttribute('aria-pressed', String(on)));
    document.addEventListener('scroll', (event) => this.scrolled(event), { capture: true, passive: true });
    window.addEventListener('resize', () => this.schedule());
    host.links.onChange(() => {
      this.curves.linksChanged();
      this.marksChanged();
    });
    host.annotations().onChange(() => this.marksChanged());
  }

  /** Makes a link and puts it in the workspace's links (curves and rulers follow). */
  private async link(
    relation: Relation,
    ends: { doc: string; revision: number; start: number; end: number }[],
  ): Promise<Link> {
    const link = await call('createLink', { relation, ends, tags: [], note: '' });
    this.host.links.apply(link);
    return link;
  }

  toggleInStep(): void {
    this.inStep.enabled = !this.inStep.enabled;
  }

  /** Watches what else moves curves: the row of panes resizing, a suggestion card opening. */
  observe(row: HTMLElement, card: HTMLElement): void {
    new ResizeObserver(() => this.schedule()).observe(row);
    new MutationObserver(() => this.schedule()).observe(card, {
      attributes: true,
      attributeFilter: ['hidden', 'data-suggestion'],
    });
    row.addEventListener('click', (event) => this.clicked(event));
  }

  /** A pane drew its text or highlights: its ruler and the curves are brought up to date. */
  paneDrawn(pane: Pane): void {
    let ruler = this.rulers.get(pane);
    if (!ruler) {
      ruler = new OverviewRuler(pane, { marks: (p) => this.rulerMarks(p), reveal: (p, s, e) => this.reveal(p, s, e) });
      this.rulers.set(pane, ruler);
    }
    ruler.refresh();
    this.schedule();
  }

  /** Panes were added, closed or moved. */
  panesChanged(): void {
    const live = new Set(this.host.panes());
    for (const pane of this.rulers.keys()) if (!live.has(pane)) this.rulers.delete(pane);
    this.schedule();
  }

  /** Links, tags or suggestions changed: the rulers and curves are drawn again. */
  marksChanged(): void {
    for (const ruler of this.rulers.values()) ruler.refresh();
    this.schedule();
  }

  /** Asks for one redraw in the next frame. */
  schedule(): void {
    if (this.frame === undefined) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** Draws one frame: panes in step first (they move the others), then curves and rulers. */
  draw(): void {
    this.frame = undefined;
    const again = this.inStep.follow();
    const curves = this.curves.measure();
    const thumbs = [...this.rulers].map(([, ruler]) => [ruler, ruler.measure()] as const);
    this.curves.render(curves);
    for (const [ruler, view] of thumbs) ruler.render(view);
    if (again) this.schedule();
  }

  private scrolled(event: Event): void {
    const pane = this.host.panes().find((p) => p.scroller === event.target);
    if (!pane) return;
    this.inStep.scrolled(pane);
    this.schedule();
  }

  /** What corresponds between two documents: their links' passages and Align's pairs. */
  private anchors(fromDoc: string, toDoc: string): AnchorPairs {
    const pairs: AnchorPairs = [];
    for (const link of this.host.links.links) {
      const from = link.ends.find((e) => e.doc === fromDoc && !e.orphan);
      const to = link.ends.find((e) => e.doc === toDoc && !e.orphan && e !== from);
      if (from && to) pairs.push([from.start, to.start]);
    }
    for (const s of this.host.suggestions()) {
      if (s.a.doc === fromDoc && s.b.doc === toDoc) pairs.push([s.a.start, s.b.start]);
      else if (s.b.doc === fromDoc && s.a.doc === toDoc) pairs.push([s.b.start, s.a.start]);
    }
    return pairs;
  }

  private rulerMarks(pane: Pane): RulerMark[] {
    const marks: RulerMark[] = [];
    const model = this.host.annotations();
    for (const a of model.annotations) {
      if (a.doc !== pane.docId || a.orphan || a.revision !== pane.shownRevision) continue;
      const tag = a.tags[0] ? model.tag(a.tags[0]) : undefined;
      marks.push({ lane: 'tag', start: a.start, end: a.end, title: model.describe(a), color: tag?.color });
    }
    for (const { link, end } of this.host.links.ofDocument(pane.docId)) {
      if (end.orphan) continue;
      marks.push({
        lane: 'link',
        start: end.start,
        end: end.end,
        relation: link.relation,
        title: `${link.relation === 'agree' ? 'Agrees' : link.relation === 'conflict' ? 'Conflicts' : 'Related'}: “${end.quote.exact.slice(0, 120)}”`,
      });
    }
    for (const s of this.host.suggestions()) {
      if (s.relation !== 'conflict' || s.status !== 'suggested') continue;
      for (const side of [s.a, s.b]) {
        if (side.doc === pane.docId && side.revision === pane.shownRevision)
          marks.push({
            lane: 'conflict',
            start: side.start,
            end: side.end,
            relation: 'conflict',
            title: `Suggested conflict: “${side.text.slice(0, 120)}”`,
          });
      }
    }
    return marks;
  }

  /**
   * Selects a link: its passages are scrolled into view in the panes that show them and
   * flashed, and its card opens (near `near`, else beside its first passage on screen).
   */
  selectLink(id: string, near?: DOMRect): void {
    const link = this.host.links.get(id);
    if (!link) return;
    const ranges: Range[] = [];
    for (const end of link.ends) {
      const pane = this.host.panes().find((p) => p.docId === end.doc);
      if (!pane || end.orphan) continue;
      const range = this.scrollToPassage(pane, end.start, end.end);
      if (range) ranges.push(range);
    }
    this.flash(ranges);
    const at = near ?? ranges[0]?.getBoundingClientRect();
    if (at) this.host.openLink(id, at);
  }

  /** Scrolls a pane to a passage and flashes it. */
  reveal(pane: Pane, start: number, end: number): void {
    const range = this.scrollToPassage(pane, start, end);
    this.flash(range ? [range] : []);
  }

  private scrollToPassage(pane: Pane, start: number, end: number): Range | undefined {
    const view = pane.editorView();
    const at = view && passageRange(view, start, end);
    if (!view || !at) return undefined;
    const from = view.domAtPos(at.from);
    const to = view.domAtPos(at.to);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const s = pane.scroller;
    const box = range.getBoundingClientRect();
    const sBox = s.getBoundingClientRect();
    const middle = Math.min(box.height, s.clientHeight) / 2;
    s.scrollTop += box.top - sBox.top - s.clientHeight / 2 + middle;
    return range;
  }

  /** Highlights ranges of text for a moment (CSS Custom Highlight, no change to the document). */
  private flash(ranges: Range[]): void {
    if (!ranges.length || typeof Highlight === 'undefined') return;
    CSS.highlights.set('passage-flash', new Highlight(...ranges));
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => CSS.highlights.delete('passage-flash'), FLASH_MS);
  }

  /**
   * A click on a linked passage brings its partners in the other panes level with it.
   * Plain clicks only: a drag that selects text is left alone.
   */
  private clicked(event: MouseEvent): void {
    if (event.button !== 0 || !window.getSelection()?.isCollapsed) return;
    const pane = this.host.panes().find((p) => p.element.contains(event.target as Node));
    const view = pane?.editorView();
    if (!pane || !view || !view.dom.contains(event.target as Node)) return;
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return;
    const offset = posToOffset(plainText(view.state.doc), hit.pos);
    let best: { link: Link; start: number; end: number } | undefined;
    for (const { link, end } of this.host.links.ofDocument(pane.docId)) {
      if (end.orphan || offset < end.start || offset > end.end) continue;
      if (!best || end.end - end.start < best.end - best.start) best = { link, start: end.start, end: end.end };
    }
    if (best) this.bringPartnersLevel(pane, best.link, best.start, best.end);
  }

  /** Scrolls every other pane showing a passage of `link` so it is level with the passage in `source`. */
  bringPartnersLevel(source: Pane, link: Link, start: number, end: number): void {
    const sv = source.editorView();
    if (!sv) return;
    const place = placePassage(sv, source.scroller.getBoundingClientRect(), start, end);
    if (place.at !== 'visible') return;
    for (const pane of this.host.panes()) {
      if (pane === source) continue;
      const partner = link.ends.find((e) => e.doc === pane.docId && !e.orphan);
      const view = pane.editorView();
      if (!partner || !view) continue;
      const s = pane.scroller;
      const sBox = s.getBoundingClientRect();
      const y = contentY(view, s, sBox.top, partner.start);
      s.scrollTop = y - (place.top - sBox.top);
      this.inStep.expect(pane);
      // Blocks skipped by the browser have estimated heights: correct once they are laid out.
      requestAnimationFrame(() => {
        const exact = placePassage(view, s.getBoundingClientRect(), partner.start, partner.end);
        if (exact.at === 'visible') {
          s.scrollTop += exact.top - place.top;
          this.inStep.expect(pane);
        }
      });
    }
    this.schedule();
  }
}
