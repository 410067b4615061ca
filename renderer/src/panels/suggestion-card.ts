/**
 * The suggestion card: opens on a click on a suggested passage. It shows the relation
 * (and "may have changed over time" when texts written years apart differ), both passages, the
 * differences to check and other evidence, similarity (how alike) apart from confidence
 * (how sure of the relation), and lets the analyst accept the suggestion, dismiss
 * it, or bring the other passage into view. Keys while it is open: A accept, D dismiss,
 * O other passage, Escape close (F8 / Shift+F8 go on to the next or previous one).
 */
import { DIFFERENCE_KINDS, type Suggestion } from '../../../common/model';
import { h, placeNear } from '../dom';
import { clip } from '../labels';

export interface CardActions {
  /** A label for a document ("O'Shea 2024"). */
  label(docId: string): string;
  setStatus(s: Suggestion, status: Suggestion['status']): Promise<void>;
  /** Brings one side of a suggestion into view. */
  reveal(s: Suggestion, side: 'a' | 'b'): Promise<void>;
  /** The card opened on a suggestion, or closed. */
  opened?(s: Suggestion): void;
  closed?(): void;
}

const HEADING = { agree: 'Agrees with', conflict: 'Conflicts with', related: 'Related to' } as const;
const KIND_TEXT: Record<string, string> = {
  negation: 'Negation',
  antonym: 'Opposite words',
  number: 'Different numbers',
  degree: 'Degree',
  marker: 'Calls a claim wrong',
  time: 'Time',
  change: 'Changed over time',
  cluster: 'Across texts',
  semantic: 'Meaning',
};

export class SuggestionCard {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly body: HTMLElement;
  private readonly acceptButton: HTMLButtonElement;
  private readonly dismissButton: HTMLButtonElement;
  private readonly otherButton: HTMLButtonElement;
  private current?: { s: Suggestion; mine: 'a' | 'b' };
  private returnFocus?: HTMLElement;

  constructor(private readonly actions: CardActions) {
    this.heading = h('h2', { class: 'popover-heading', id: 'suggestion-card-heading' });
    this.body = h('div', { class: 'card-body' });
    this.acceptButton = h('button', { type: 'button', class: 'primary', title: 'Accept (A)' }, 'Accept');
    this.dismissButton = h('button', { type: 'button', title: 'Dismiss (D)' }, 'Dismiss');
    this.otherButton = h('button', { type: 'button', title: 'Show the other passage (O)' }, 'Show other passage');
    const close = h(
      'button',
      { type: 'button', class: 'icon-button', title: 'Close (Esc)', 'aria-label': 'Close' },
      '✕',
    );
    this.element = h(
      'div',
      {
        class: 'tag-popover suggestion-card',
        role: 'dialog',
        'aria-labelledby': 'suggestion-card-heading',
        tabindex: '-1',
        hidden: true,
      },
      h('div', { class: 'card-head' }, this.heading, close),
      this.body,
      h(
        'div',
        { class: 'dialog-actions' },
        this.otherButton,
        h('span', { class: 'spacer' }),
        this.dismissButton,
        this.acceptButton,
      ),
    );
    close.addEventListener('click', () => this.close());
    this.acceptButton.addEventListener('click', () => void this.toggleAccept());
    this.dismissButton.addEventListener('click', () => void this.dismiss());
    this.otherButton.addEventListener('click', () => void this.showOther());
    this.element.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'escape') this.close();
      else if (key === 'a') void this.toggleAccept();
      else if (key === 'd') void this.dismiss();
      else if (key === 'o') void this.showOther();
      else return;
      event.preventDefault();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Opens the card for a suggestion, seen from the side in document `docId`, near `near`. */
  open(s: Suggestion, docId: string, near: DOMRect): void {
    const focused = document.activeElement;
    // Opening the next suggestion from an open card keeps where focus goes back to.
    if (!this.element.contains(focused)) this.returnFocus = focused instanceof HTMLElement ? focused : undefined;
    this.current = { s, mine: s.a.doc === docId ? 'a' : 'b' };
    this.element.dataset.suggestion = s.id;
    this.render();
    this.element.hidden = false;
    this.actions.opened?.(s);
    placeNear(this.element, near, { width: 380, height: 300 });
    this.element.focus();
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.current = undefined;
    this.actions.closed?.();
    this.returnFocus?.focus({ preventScroll: true });
  }

  private render(): void {
    if (!this.current) return;
    const { s, mine } = this.current;
    const theirs = mine === 'a' ? 'b' : 'a';
    this.heading.replaceChildren(
      h('span', { class: `sg sg-${s.relation} card-relation` }, HEADING[s.relation]),
      ` ${this.actions.label(s[theirs].doc)}`,
    );
    const change = s.evidence.find((e) => e.kind === 'change');
    const differences = s.evidence.filter((e) => DIFFERENCE_KINDS.has(e.kind) && e.kind !== 'change');
    const other = s.evidence.filter((e) => !DIFFERENCE_KINDS.has(e.kind) && e.kind !== 'shared');
    const shared = s.evidence.filter((e) => e.kind === 'shared').map((e) => e.note);
    const cueList = (list: typeof other) =>
      h(
        'ul',
        { class: 'card-cues' },
        ...list.map((e) => h('li', {}, h('strong', {}, `${KIND_TEXT[e.kind] ?? e.kind}: `), e.note)),
      );
    this.body.replaceChildren(
      ...(change ? [h('p', { class: 'card-change' }, change.note.replace(/^m/, 'M'))] : []),
      h('p', { class: 'card-label' }, `This passage (${this.actions.label(s[mine].doc)})`),
      h('blockquote', { class: 'popover-quote' }, `“${clip(s[mine].text, 260)}”`),
      h('p', { class: 'card-label' }, `Other passage (${this.actions.label(s[theirs].doc)})`),
      h('blockquote', { class: 'popover-quote' }, `“${clip(s[theirs].text, 260)}”`),
      ...(differences.length ? [h('p', { class: 'card-label' }, 'Differences to check'), cueList(differences)] : []),
      ...(shared.length ? [h('p', { class: 'card-shared' }, `Shared: ${shared.join('; ')}`)] : []),
      ...(other.length ? [cueList(other)] : []),
      h(
        'p',
        { class: 'card-meta' },
        `Similarity ${s.score.toFixed(2)}` +
          (s.confidence === null ? '' : ` · Confidence in “${s.relation}” ${s.confidence.toFixed(2)}`) +
          (s.status === 'accepted' ? ' · Accepted' : ''),
      ),
    );
    this.acceptButton.textContent = s.status === 'accepted' ? 'Unaccept' : 'Accept';
    this.acceptButton.title = s.status === 'accepted' ? 'Back to a suggestion (A)' : 'Accept (A)';
  }

  private async toggleAccept(): Promise<void> {
    if (!this.current) return;
    const { s } = this.current;
    await this.actions.setStatus(s, s.status === 'accepted' ? 'suggested' : 'accepted');
    this.close();
  }

  private async dismiss(): Promise<void> {
    if (!this.current) return;
    const { s } = this.current;
    this.close();
    await this.actions.setStatus(s, 'dismissed');
  }

  private async showOther(): Promise<void> {
    if (!this.current) return;
    const { s, mine } = this.current;
    this.close();
    await this.actions.reveal(s, mine === 'a' ? 'b' : 'a');
  }
}
