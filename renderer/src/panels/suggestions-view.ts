/**
 * Suggested alignments in the workspace: the Align command with its progress, the
 * legend, the marks each pane draws, and the card that accepts or dismisses one.
 * Dismissed suggestions leave the panes (with an Undo); accepted ones are drawn more
 * strongly and survive the next Align.
 */
import type { AlignJob } from '../../../common/api';
import type { DocumentSummary, Link, Relation, Suggestion } from '../../../common/model';
import { agree, counted } from '../../../common/wording';
import { call, onEvent } from '../bridge';
import { h } from '../dom';
import type { SuggestionMark } from '../editor/suggestions';
import { clip, docLabel } from '../labels';
import type { Pane } from '../panes/pane';
import { SuggestionCard } from './suggestion-card';
import { followAlignJob } from './job-follower';

const RELATION_TEXT = { agree: 'Agrees', conflict: 'Conflicts', related: 'Related' } as const;
const STAGE_TEXT: Record<string, string> = {
  starting: 'Starting',
  passages: 'Reading passages',
  candidates: 'Finding candidates',
  relations: 'Weighing relations',
  saving: 'Saving suggestions',
};

export interface SuggestionsHost {
  panes(): Pane[];
  activePane(): Pane | undefined;
  documents(): DocumentSummary[];
  paneFor(docId: string): Promise<Pane | undefined>;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** Undoes the last action of the workspace's history (server side). */
  undo(): void;
  /** Accepting made this link, or taking an acceptance back removed the link of this suggestion. */
  linkChanged(change: { made: Link } | { unmadeFor: string }): void;
  /** Whether the workspace has links (the legend's chips filter them too). */
  hasLinks(): boolean;
}

export class SuggestionsView {
  readonly alignButton: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly status: HTMLElement;
  readonly legend: HTMLElement;
  readonly card: SuggestionCard;
  /** Suggestions drawn in the panes: not dismissed, not accepted (their link is drawn instead). */
  private list: Suggestion[] = [];
  /** Every suggestion, dismissed ones too (the review queue lists them). */
  private everything: Suggestion[] = [];
  /** The suggestion under focus in the review queue, and the one whose card is open: drawn strongly. */
  private queueFocus?: string;
  private cardFocus?: string;
  private readonly listeners = new Set<() => void>();
  private aligning = false;
  /** The suggestion last opened, where F8 / Shift+F8 go on from. */
  private lastOpened?: { pane: Pane; id: string };

  constructor(private readonly host: SuggestionsHost) {
    this.alignButton = h(
      'button',
      { type: 'button', class: 'align', title: 'Find where the authors agree and conflict (Ctrl+Shift+A)' },
      'Align',
    );
    this.alignButton.addEventListener('click', () => void this.align());
    this.progress = h('progress', { class: 'align-progress', max: '1', hidden: true, 'aria-label': 'Align progress' });
    this.status = h('span', { class: 'align-status', role: 'status' });
    this.legend = h(
      'span',
      {
        class: 'legend',
        hidden: true,
        title: 'Relations of suggestions and links: click a chip to hide or show that relation in the panes',
      },
      ...(['agree', 'conflict', 'related'] as const).map((relation) => {
        const chip = h(
          'button',
          {
            type: 'button',
            class: `sg sg-${relation} legend-chip`,
            'aria-pressed': 'true',
            title: `Show or hide ${relation} suggestions and links`,
          },
          relation,
        );
        chip.addEventListener('click', () => {
          const shown = chip.getAttribute('aria-pressed') !== 'true';
          chip.setAttribute('aria-pressed', String(shown));
          document.documentElement.classList.toggle(`hide-${relation}`, !shown);
        });
        return chip;
      }),
    );
    this.card = new SuggestionCard({
      label: (id) => this.label(id),
      setStatus: (s, status) => this.setStatus(s, status).then(() => undefined),
      reveal: (s, side) => this.reveal(s, side),
      opened: (s) => this.cardOn(s.id),
      closed: () => this.cardOn(undefined),
    });
    document.addEventListener('mousedown', (event) => {
      const target = event.target as HTMLElement;
      if (this.card.isOpen && !this.card.element.contains(target) && !target.closest('.sg')) this.card.close();
    });
    onEvent('workspaceChanged', (change) => void this.changedElsewhere(change.what));
  }

  /** An Align run this window did not start (another window's) saved new suggestions: show them. */
  private async changedElsewhere(what: string[]): Promise<void> {
    if (!what.includes('suggestions') || this.aligning) return; // our own run loads them when done
    await this.load();
    for (const p of this.host.panes()) p.showSuggestions();
  }

  /** Loads the stored suggestions (the panes draw them when they next render). */
  async load(): Promise<void> {
    try {
      this.set((await call('listSuggestions', {})).suggestions);
    } catch (err) {
      this.host.notify(`Suggestions could not be loaded: ${(err as Error).message}`, 'error');
    }
  }

  private set(list: Suggestion[]): void {
    this.everything = list;
    this.list = list.filter((s) => s.status === 'suggested');
    this.refreshLegend();
    for (const listener of this.listeners) listener();
  }

  /**
   * Shows the legend while there are suggestions or links to filter; during an Align run its
   * place in the toolbar goes to the run's stage and progress (the tints are being replaced).
   */
  refreshLegend(): void {
    this.legend.hidden = this.aligning || (this.everything.length === 0 && !this.host.hasLinks());
  }

  /** Every suggestion of the workspace, decided ones too. */
  all(): Suggestion[] {
    return this.everything;
  }

  get(id: string): Suggestion | undefined {
    return this.everything.find((s) => s.id === id);
  }

  /** Calls `listener` whenever the suggestions change. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private get focused(): string | undefined {
    return this.cardFocus ?? this.queueFocus;
  }

  /** Draws one suggestion strongly (the one under review), or none; brings it into view. */
  focus(id: string | undefined, reveal = false): void {
    if (this.queueFocus === id) return;
    this.queueFocus = id;
    for (const p of this.host.panes()) {
      p.showSuggestions();
      if (id && reveal) p.revealSuggestion(id, false);
    }
  }

  /** Scrolls every pane that shows suggestion `id` to it (without flashing it). */
  revealInPanes(id: string): void {
    for (const p of this.host.panes()) p.revealSuggestion(id, false);
  }

  /** The suggestion under focus: the one whose card is open, else the one under review. */
  inFocus(): Suggestion | undefined {
    const id = this.focused;
    return id ? this.get(id) : undefined;
  }

  /** The card opened on a suggestion (drawn strongly while it is open) or closed. */
  private cardOn(id: string | undefined): void {
    const before = this.focused;
    this.cardFocus = id;
    if (this.focused !== before) for (const p of this.host.panes()) p.showSuggestions();
  }

  private label(docId: string): string {
    return docLabel(
      this.host.documents().find((d) => d.id === docId),
      docId,
    );
  }

  /** The passages to mark in a document at a revision. */
  marks(docId: string, revision: number): SuggestionMark[] {
    const marks: SuggestionMark[] = [];
    for (const s of this.list) {
      for (const [mine, other, key] of [
        [s.a, s.b, 'a'],
        [s.b, s.a, 'b'],
      ] as const) {
        if (mine.doc !== docId || mine.revision !== revision) continue;
        const cues = s.evidence.filter((e) => e.kind !== 'shared').map((e) => `${e.kind}: ${e.note}`);
        const shared = s.evidence
          .filter((e) => e.kind === 'shared')
          .map((e) => e.note)
          .slice(0, 4);
        const title = [
          `${RELATION_TEXT[s.relation]} with ${this.label(other.doc)} (similarity ${s.score.toFixed(2)})` +
            (s.status === 'accepted' ? ' · accepted' : ''),
          `“${clip(other.text, 220)}”`,
          ...cues,
          ...(shared.length ? [`shared: ${shared.join('; ')}`] : []),
          'Click to accept or dismiss.',
        ].join('\n');
        const evidence = s.evidence.flatMap((e) => {
          const range = e[key];
          return range ? [{ range, cue: e.kind !== 'shared' }] : [];
        });
        marks.push({
          id: s.id,
          relation: s.relation,
          start: mine.start,
          end: mine.end,
          title,
          evidence,
          focused: s.id === this.focused,
        });
      }
    }
    return marks;
  }

  /** A click on suggested passages in a pane opens the card of the innermost one. */
  clicked(pane: Pane, ids: string[], event: MouseEvent): boolean {
    if (pane.editing || !window.getSelection()?.isCollapsed) return false;
    const s = this.list.find((x) => x.id === ids[0]);
    if (!s) return false;
    const el = (event.target as Element | null)?.closest?.('.sg');
    this.lastOpened = { pane, id: s.id };
    const near = pane.suggestionRect(s.id) ?? el?.getBoundingClientRect();
    this.card.open(s, pane.docId, near ?? new DOMRect(event.clientX, event.clientY, 1, 1));
    return true;
  }

  /** Opens the card of one suggestion seen from a pane, near a place on screen. */
  open(pane: Pane, id: string, near: DOMRect): void {
    const s = this.get(id);
    if (!s) return;
    this.lastOpened = { pane, id };
    this.card.open(s, pane.docId, near);
  }

  /** Opens the next (1) or previous (-1) suggestion of the active pane, in reading order. */
  async step(direction: 1 | -1): Promise<void> {
    const pane = this.host.activePane();
    if (!pane) return;
    const ids = pane.suggestionIds();
    if (!ids.length) {
      this.host.notify(
        this.list.length ? 'This text has no suggestions.' : 'No suggestions yet: run Align (Ctrl+Shift+A).',
      );
      return;
    }
    const at = this.lastOpened?.pane === pane ? ids.indexOf(this.lastOpened.id) : -1;
    const next = at < 0 ? (direction === 1 ? 0 : ids.length - 1) : (at + direction + ids.length) % ids.length;
    const s = this.list.find((x) => x.id === ids[next]);
    if (!s || !pane.revealSuggestion(s.id)) return;
    this.lastOpened = { pane, id: s.id };
    this.card.open(s, pane.docId, pane.suggestionRect(s.id) ?? pane.element.getBoundingClientRect());
  }

  /**
   * Accepts (as a link, with `relation` if given), dismisses or restores a suggestion.
   * It is one step of the workspace's undo history: the notice's Undo and Ctrl+Z take it back.
   */
  async setStatus(s: Suggestion, status: Suggestion['status'], relation?: Relation): Promise<boolean> {
    try {
      const { suggestion: updated, link } = await call('setSuggestionStatus', { id: s.id, status, relation });
      this.set(this.everything.map((x) => (x.id === s.id ? updated : x)));
      for (const p of this.host.panes()) p.showSuggestions();
      if (link) this.host.linkChanged({ made: link });
      else if (s.status === 'accepted') this.host.linkChanged({ unmadeFor: s.id });
    } catch (err) {
      this.host.notify(`The suggestion was not changed: ${(err as Error).message}`, 'error');
      return false;
    }
    const undo = { label: 'Undo', run: () => this.host.undo() };
    if (status === 'dismissed') this.host.notify('Suggestion dismissed (Ctrl+Z brings it back).', 'info', undo);
    else if (status === 'accepted')
      this.host.notify('Suggestion accepted as a link: Align will keep it.', 'info', undo);
    else this.host.notify(s.status === 'dismissed' ? 'Suggestion restored.' : 'Back to a suggestion.', 'info', undo);
    return true;
  }

  private async reveal(s: Suggestion, side: 'a' | 'b'): Promise<void> {
    const pane = await this.host.paneFor(s[side].doc);
    if (!pane) return;
    if (!pane.revealSuggestion(s.id)) this.host.notify('That passage is not in the text as it is now.', 'error');
  }

  /** Runs Align over the workspace, showing progress, and marks the suggestions in the panes. */
  async align(): Promise<void> {
    if (this.aligning) return;
    this.aligning = true;
    this.refreshLegend();
    this.alignButton.disabled = true;
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    this.status.textContent = 'Aligning…';
    try {
      await Promise.all(this.host.panes().map((p) => p.flush()));
      const job: AlignJob = await followAlignJob(await call('startAlign', {}), (running) => {
        this.status.textContent = this.status.title = `${STAGE_TEXT[running.stage] ?? running.stage}…`;
        if (running.total > 0) this.progress.value = running.done / running.total;
      });
      if (job.state === 'failed') throw new Error(job.error ?? 'Align failed.');
      this.set((await call('listSuggestions', {})).suggestions);
      for (const p of this.host.panes()) p.showSuggestions();
      const count = (r: string) => this.list.filter((s) => s.relation === r).length;
      // Align never says "agree" by itself (that is the analyst's call), so a count of agreements
      // is named only when there are some.
      const kinds = [
        count('agree') ? `${count('agree')} agree` : '',
        `${count('conflict') || 'none'} flagged as ${agree(count('conflict'), 'a possible conflict', 'possible conflicts')}`,
        `${count('related')} related`,
      ].filter(Boolean);
      this.host.notify(
        `Align found ${counted(job.count ?? 0, 'suggestion')}: ${kinds.join(', ')}. Whether two authors agree is for you to judge: hover a tinted passage for the evidence, click it to accept or dismiss, or work through them in Review.`,
      );
    } catch (err) {
      this.host.notify((err as Error).message, 'error', { label: 'Try again', run: () => void this.align() });
    } finally {
      this.aligning = false;
      this.refreshLegend();
      this.alignButton.disabled = false;
      this.progress.hidden = true;
      this.status.textContent = this.status.title = '';
    }
  }
}
