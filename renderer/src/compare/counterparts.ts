/**
 * The counterparts panel: for the passage at the cursor, the selection or under the
 * mouse in a pane, the closest passages of every other document, with their relation,
 * similarity and confidence, the differences worth checking, the passage in its
 * context, and one key to make any of them a link. A document not open in a pane is
 * shown from its text; "Open beside" adds a pane next to the one being read.
 *
 * Questions are paced (QuestionPacer: at once after a rest, one at a time), answered out
 * of order safely (only the latest is shown), and never block typing: the panel only
 * reads the selection. While the aligner is adding meaning (sentence embeddings) the status
 * counts along; once it is done, the passage shown is asked about again, so its matches are
 * ranked by words and meaning without the analyst moving the cursor.
 */
import {
  type CounterpartMatch as Match,
  type Counterparts as CounterpartsAnswer,
  type DocumentSummary,
  type Link,
  type Relation,
} from '../../../common/model';
import type { RefineProgress } from '../../../common/api';
import { posToOffset } from '../../../common/plaintext';
import { onEvent } from '../bridge';
import { h } from '../dom';
import { RELATION_KEYS } from '../../../common/keys';
import { rememberFocus, type FocusReturn } from '../focus-return';
import { clip, docLabel } from '../labels';
import type { Pane } from '../panes/pane';
import { DocumentTexts } from './document-texts';
import { focusOf, markLinked, matchCard, rankedBy } from './counterpart-card';
import type { CounterpartQuery, CounterpartSource } from './counterpart-source';
import { plainText } from './geometry';
import { QuestionPacer } from './question-pacer';

export interface CounterpartsHost {
  panes(): Pane[];
  documents(): DocumentSummary[];
  source: CounterpartSource;
  /** Makes a link between two passages (offsets of the given revisions). */
  link(relation: Relation, ends: { doc: string; revision: number; start: number; end: number }[]): Promise<Link>;
  /** Scrolls the pane showing `doc` to a passage and flashes it; false if no pane shows it. */
  show(doc: string, start: number, end: number): boolean;
  /** Adds a pane beside the active one showing `doc`, scrolled to the passage. */
  openBeside(doc: string, start: number, end: number): Promise<void>;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** Moves of the caret closer together than this are one run (a drag, a held arrow key). */
const CARET_DELAY_MS = 16;
/** Pause after the mouse stops over text before asking about the passage under it. */
const HOVER_DELAY_MS = 350;
/** How long an answer may take before the panel says it is looking. */
const FINDING_DELAY_MS = 120;

const KEY_RELATION: Record<string, Relation> = RELATION_KEYS;

export class CounterpartsPanel {
  readonly element: HTMLElement;
  readonly toggleButton: HTMLButtonElement;
  private readonly heading: HTMLElement;
  private readonly status: HTMLElement;
  private readonly columns: HTMLElement;
  private readonly texts = new DocumentTexts((doc) => {
    // A pane with edits not yet saved shows a text the aligner has not seen: fetched instead.
    const pane = this.host.panes().find((p) => p.docId === doc && p.editorView() && !p.hasUnsavedChanges());
    const view = pane?.editorView();
    return pane && view ? { revision: pane.shownRevision, text: plainText(view.state.doc).text } : undefined;
  });
  private findingTimer?: ReturnType<typeof setTimeout>;
  private asked = 0;
  private answer?: CounterpartsAnswer;
  private answerPane?: Pane;
  /** Where Ctrl+Alt+C took the keyboard from into the panel. */
  private cameFrom?: FocusReturn;
  private lastQuery?: CounterpartQuery;
  private readonly pacer = new QuestionPacer<{ pane: Pane; query: CounterpartQuery }>(
    ({ pane, query }) => this.run(pane, query),
    CARET_DELAY_MS,
  );
  /** How the cursor last moved: a collapsed selection is followed only after keys (a click is read where it lands). */
  private lastInput: 'key' | 'pointer' = 'pointer';
  /** Whether the question waiting for its pause is about the passage under the pointer. */
  private hoverPending = false;
  /** Where the last click began, in a pane's text. */
  private pressed?: { pane: Pane; query: CounterpartQuery };
  /** Matches linked from the panel, by passage and match (kept when the same answer is drawn again). */
  private readonly linked = new Map<string, Relation>();

  constructor(private readonly host: CounterpartsHost) {
    this.toggleButton = h(
      'button',
      {
        type: 'button',
        class: 'counterparts-toggle',
        'aria-pressed': 'false',
        title: 'What the other texts say about the passage at the cursor (Ctrl+Alt+C)',
      },
      'Counterparts',
    );
    this.toggleButton.addEventListener('click', () => this.toggle());
    this.heading = h('p', { class: 'cp-passage' }, 'Put the cursor in a passage, select one or point at it.');
    this.status = h('span', { class: 'cp-status', role: 'status' });
    const close = h(
      'button',
      { type: 'button', class: 'icon', title: 'Close (Ctrl+Alt+C)', 'aria-label': 'Close counterparts' },
      '✕',
    );
    close.addEventListener('click', () => this.toggle(false));
    this.columns = h('div', { class: 'cp-columns' });
    this.element = h(
      'aside',
      { class: 'counterparts', hidden: true, 'aria-label': 'Counterparts in the other texts' },
      h('div', { class: 'cp-head' }, h('h2', {}, 'Counterparts'), this.heading, this.status, close),
      this.columns,
    );
    this.element.addEventListener('keydown', (event) => this.keydown(event));
    document.addEventListener('selectionchange', () => this.caretMoved());
    document.addEventListener('keydown', () => (this.lastInput = 'key'), true);
    document.addEventListener('mousemove', (event) => this.hovered(event), { passive: true });
    // A click puts the cursor where it lands, whatever the pane does with the selection. The
    // place is read as the button goes down, before a click opens a card over the text.
    document.addEventListener(
      'pointerdown',
      (event) => {
        this.lastInput = 'pointer';
        this.pressed = event.button === 0 ? this.pointAt(event) : undefined;
      },
      true,
    );
    onEvent('refineProgress', (progress) => this.refineProgress(progress));
    document.addEventListener('click', (event) => {
      const at = this.pressed;
      this.pressed = undefined;
      if (at && event.button === 0 && window.getSelection()?.isCollapsed !== false)
        this.ask(at.pane, at.query, CARET_DELAY_MS);
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows or hides the panel; shown, it answers for where the cursor is. */
  toggle(open = !this.isOpen): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.element.hidden = !open;
    // Closed from inside, the keyboard goes back to the text (and passage) it came from.
    if (!open && hadFocus && !this.cameFrom?.restore()) this.answerPane?.focus();
    this.toggleButton.setAttribute('aria-pressed', String(open));
    if (open) {
      const at = this.selectionQuery();
      if (at) this.ask(at.pane, at.query, 0);
    }
  }

  /** Ctrl+Alt+C: opens the panel, then moves the focus into it, then closes it. */
  command(): void {
    if (!this.isOpen) this.toggle(true);
    else if (this.element.contains(document.activeElement)) this.toggle(false);
    else {
      this.cameFrom = rememberFocus();
      this.matchElements()[0]?.focus();
    }
  }

  /** How the aligner's adding of meaning goes: counted in the status, then the passage shown asked about again. */
  refineProgress(progress: RefineProgress): void {
    const answer = this.answer;
    if (!answer || answer.state === 'refined' || answer.error || !answer.matches.length) return;
    if (progress.state === 'embedding') {
      this.answer = { ...answer, progress: { done: progress.done, total: progress.total } };
      this.setStatus(rankedBy(this.answer), false);
    } else if (progress.state === 'failed') {
      this.answer = { ...answer, progress: undefined, error: `Ranked by words only: ${progress.error ?? 'failed'}` };
      this.setStatus(rankedBy(this.answer), false);
    } else if (this.isOpen && this.answerPane && this.lastQuery) {
      void this.run(this.answerPane, this.lastQuery);
    }
  }

  private paneOf(node: Node | null): Pane | undefined {
    if (!node) return undefined;
    return this.host.panes().find((p) => p.editorView()?.dom.contains(node));
  }

  /** The passage selected in a pane, or the caret there. */
  private selectionQuery(): { pane: Pane; query: CounterpartQuery } | undefined {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount) return undefined;
    const pane = this.paneOf(sel.anchorNode);
    const view = pane?.editorView();
    if (!pane || !view) return undefined;
    const range = sel.getRangeAt(0);
    try {
      const pt = plainText(view.state.doc);
      const a = posToOffset(pt, view.posAtDOM(range.startContainer, range.startOffset));
      const b = posToOffset(pt, view.posAtDOM(range.endContainer, range.endOffset));
      return { pane, query: { doc: pane.docId, start: Math.min(a, b), end: Math.max(a, b) } };
    } catch {
      return undefined;
    }
  }

  private caretMoved(delay = CARET_DELAY_MS): void {
    if (!this.isOpen) return;
    const at = this.selectionQuery();
    if (at && (at.query.end > at.query.start || this.lastInput === 'key')) this.ask(at.pane, at.query, delay);
  }

  private hovered(event: MouseEvent): void {
    if (event.buttons) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // a selection wins over pointing
    const at = this.pointAt(event);
    if (at) {
      this.ask(at.pane, at.query, HOVER_DELAY_MS);
      this.hoverPending = true;
    } else if (this.hoverPending) {
      // The pointer left the text (on its way to the panel, say): what it passed over is not asked about.
      this.pacer.cancel();
      this.hoverPending = false;
    }
  }

  /** The place in a pane's text under the pointer, while the panel is open. */
  private pointAt(event: MouseEvent): { pane: Pane; query: CounterpartQuery } | undefined {
    if (!this.isOpen) return undefined;
    const pane = this.paneOf(event.target as Node);
    const view = pane?.editorView();
    if (!pane || !view) return undefined;
    const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return undefined;
    const offset = posToOffset(plainText(view.state.doc), hit.pos);
    return { pane, query: { doc: pane.docId, start: offset, end: offset } };
  }

  /** Asks (see QuestionPacer for when) unless the query falls in the passage already answered. */
  private ask(pane: Pane, query: CounterpartQuery, delay: number): void {
    this.hoverPending = false;
    const shown = this.answer?.passage;
    const within =
      shown &&
      shown.doc === query.doc &&
      query.start >= shown.start &&
      query.end <= shown.end &&
      shown.end > shown.start;
    const same =
      this.lastQuery &&
      this.lastQuery.doc === query.doc &&
      this.lastQuery.start === query.start &&
      this.lastQuery.end === query.end;
    if (within || same) this.pacer.cancel();
    else this.pacer.moved({ pane, query }, delay);
  }

  /** Asks for the counterparts of a passage now and shows them. */
  async run(pane: Pane, query: CounterpartQuery): Promise<void> {
    this.lastQuery = query;
    const ticket = ++this.asked;
    clearTimeout(this.findingTimer);
    this.findingTimer = setTimeout(() => {
      if (ticket === this.asked) this.setStatus('finding…', true);
    }, FINDING_DELAY_MS);
    performance.mark('counterparts:ask');
    try {
      const answer = await this.host.source(query);
      if (ticket !== this.asked) return;
      // Drawn again (now refined): the match that had the focus keeps it, if it is still listed.
      const focused = this.matchElements().find((el) => el === document.activeElement);
      this.answer = answer;
      this.answerPane = pane;
      this.render(answer);
      if (focused)
        this.matchElements()
          .find((el) => el.dataset.doc === focused.dataset.doc && el.dataset.start === focused.dataset.start)
          ?.focus();
      performance.measure('counterparts:update', 'counterparts:ask');
      this.setStatus(answer.matches.length ? rankedBy(answer) : 'nothing close in the other texts', false);
    } catch (err) {
      if (ticket === this.asked) this.setStatus(`Not found: ${(err as Error).message}`, false);
    } finally {
      clearTimeout(this.findingTimer);
    }
  }

  private setStatus(text: string, busy: boolean): void {
    this.status.textContent = text;
    this.element.classList.toggle('is-finding', busy);
  }

  private label(doc: string): string {
    return docLabel(
      this.host.documents().find((d) => d.id === doc),
      doc,
    );
  }

  private render(answer: CounterpartsAnswer): void {
    const { passage } = answer;
    this.heading.replaceChildren(
      h('span', { class: 'cp-source' }, this.label(passage.doc)),
      passage.text ? ` “${clip(passage.text, 180)}”` : ' No passage here.',
    );
    const paneOrder = this.host.panes().map((p) => p.docId);
    const open = new Set(paneOrder);
    // Columns in the order the panes show the texts, then the texts not open, oldest first.
    const place = (d: DocumentSummary) => (open.has(d.id) ? paneOrder.indexOf(d.id) : paneOrder.length);
    const columns = this.host
      .documents()
      .filter((d) => d.id !== passage.doc)
      .sort((x, y) => place(x) - place(y) || (x.meta.date ?? '').localeCompare(y.meta.date ?? ''))
      .map((d) => {
        const matches = answer.matches.filter((m) => m.doc === d.id);
        return h(
          'section',
          { class: 'cp-doc', 'data-doc': d.id },
          h(
            'h3',
            {},
            this.label(d.id),
            h('span', { class: 'cp-where' }, open.has(d.id) ? ' · in a pane' : ' · not open'),
          ),
          ...(matches.length
            ? matches.map((m) => this.matchElement(m, open.has(m.doc)))
            : [h('p', { class: 'cp-none' }, 'Nothing close in this text.')]),
        );
      });
    this.columns.replaceChildren(...columns);
  }

  /** A match of the passage shown, as remembered once linked. */
  private linkKey(m: Match): string | undefined {
    const from = this.answer?.passage;
    const f = focusOf(m);
    return from && `${from.doc}:${from.start}-${from.end}>${m.doc}:${f.start}-${f.end}`;
  }

  private matchElement(m: Match, isOpen: boolean): HTMLElement {
    const el = matchCard(m, this.label(m.doc), isOpen);
    const key = this.linkKey(m);
    const linked = key && this.linked.get(key);
    if (linked) markLinked(el, linked);
    el.querySelector('.cp-link')?.addEventListener('click', () => void this.makeLink(el, m, m.relation));
    el.querySelector('.cp-show')?.addEventListener('click', () => void this.showMatch(m));
    return el;
  }

  private revisionOf(doc: string): number | undefined {
    return (
      this.host.panes().find((p) => p.docId === doc)?.shownRevision ??
      this.host.documents().find((d) => d.id === doc)?.revision
    );
  }

  private matchElements(): HTMLElement[] {
    return Array.from(this.columns.querySelectorAll<HTMLElement>('.cp-match'));
  }

  private async makeLink(el: HTMLElement, m: Match, relation: Relation): Promise<void> {
    const answer = this.answer;
    if (!answer || el.classList.contains('is-linked')) return;
    const from = answer.passage;
    const focus = focusOf(m);
    const fromPane = this.answerPane;
    try {
      const fromRevision =
        fromPane?.docId === from.doc ? fromPane.shownRevision : (await this.texts.get(from.doc)).revision;
      const toRevision = this.host.panes().find((p) => p.docId === m.doc)?.shownRevision;
      const ends = [
        { doc: from.doc, revision: fromRevision, start: from.start, end: from.end },
        {
          doc: m.doc,
          revision: toRevision ?? (await this.texts.get(m.doc, this.revisionOf(m.doc))).revision,
          start: focus.start,
          end: focus.end,
        },
      ];
      await this.host.link(relation, ends);
      const key = this.linkKey(m);
      if (key) this.linked.set(key, relation);
      markLinked(el, relation);
      this.host.notify(`Linked (${relation}) with ${this.label(m.doc)}. Ctrl+Z undoes it.`);
    } catch (err) {
      this.host.notify(`The link was not made: ${(err as Error).message}`, 'error');
    }
  }

  private async showMatch(m: Match): Promise<void> {
    const f = focusOf(m);
    if (this.host.show(m.doc, f.start, f.end)) return;
    await this.host.openBeside(m.doc, f.start, f.end);
    // The document is open now: its column says so, and the focus stays on the match.
    if (!this.answer) return;
    this.render(this.answer);
    this.matchElements()
      .find((el) => el.dataset.doc === m.doc && el.dataset.start === String(m.start))
      ?.focus();
  }

  private keydown(event: KeyboardEvent): void {
    const el = (event.target as HTMLElement).closest<HTMLElement>('.cp-match');
    if (event.key === 'Escape') {
      event.preventDefault();
      this.answerPane?.focus();
      return;
    }
    if (!el || event.ctrlKey || event.metaKey || event.altKey || event.target !== el) return;
    const all = this.matchElements();
    const at = all.indexOf(el);
    const m = this.answer?.matches.find((x) => x.doc === el.dataset.doc && String(x.start) === el.dataset.start);
    if (!m) return;
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'l') void this.makeLink(el, m, m.relation);
    else if (KEY_RELATION[key]) void this.makeLink(el, m, KEY_RELATION[key]);
    else if (key === 'o') void this.showMatch(m);
    else if (key === 'arrowdown' || key === 'arrowright' || key === 'j') all[Math.min(all.length - 1, at + 1)]?.focus();
    else if (key === 'arrowup' || key === 'arrowleft' || key === 'k') all[Math.max(0, at - 1)]?.focus();
    else return;
    event.preventDefault();
  }
}
