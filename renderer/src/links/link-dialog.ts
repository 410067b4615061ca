/**
 * The link dialog: for a new link (the passages picked) or an existing one (opened by a
 * click, the keyboard or the Links list). Relation (1 agree, 2 conflict, 3 related when
 * the focus is not in a field), the passages with "go to" and "remove", a passage added
 * from the current selection, tags (the shared tag finder) and a note. Ctrl+Enter saves,
 * Escape closes; an existing link can be deleted. It stays open while the analyst selects
 * text in the panes, so passages can be added.
 */
import { MAX_NOTE_CHARS, type Relation } from '../../../common/model';
import { h, placeNear } from '../dom';
import { RELATION_KEYS } from '../../../common/keys';
import { rememberFocus, type FocusReturn } from '../focus-return';
import { clip } from '../labels';
import type { AnnotationModel } from '../panels/annotation-model';
import { TagFinder } from '../panels/tag-finder';

/** A passage as the dialog lists it. */
export interface PassageView {
  label: string;
  text: string;
  orphan?: boolean;
}

export interface LinkDialogRequest {
  near: DOMRect;
  /** The link's id when it exists already. */
  linkId?: string;
  relation: Relation;
  tags: string[];
  note: string;
  passages: PassageView[];
  save(relation: Relation, tags: string[], note: string): Promise<void>;
  goTo(index: number): void;
  removePassage(index: number): Promise<void>;
  addSelection(): Promise<void>;
  remove?(): Promise<void>;
  closed?(): void;
  /** Where the keyboard goes when the dialog closes (the passage just picked); else where it was. */
  returnFocus?: FocusReturn;
}

/** The relations with their keys (1 agree, 2 conflict, 3 related: common/keys.ts). */
const RELATIONS: { id: Relation; label: string; key: string }[] = Object.entries(RELATION_KEYS).map(([key, id]) => ({
  id,
  label: id[0].toUpperCase() + id.slice(1),
  key,
}));

export class LinkDialog {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly relationButtons: Map<Relation, HTMLButtonElement>;
  private readonly passages: HTMLElement;
  private readonly finder: TagFinder;
  private readonly note: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly deleteButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private request?: LinkDialogRequest;
  private relation: Relation = 'agree';
  /** The pane (and passage) the keyboard goes back to when the dialog closes. */
  private returnFocus?: FocusReturn;

  constructor(model: AnnotationModel) {
    this.heading = h('h2', { class: 'popover-heading', id: 'link-dialog-heading' });
    this.relationButtons = new Map(
      RELATIONS.map((r) => {
        const b = h(
          'button',
          {
            type: 'button',
            class: `relation-choice lk-${r.id}`,
            'aria-pressed': 'false',
            title: `${r.label} (${r.key})`,
          },
          h('kbd', {}, r.key),
          ` ${r.label}`,
        );
        b.addEventListener('click', () => this.setRelation(r.id));
        return [r.id, b];
      }),
    );
    this.passages = h('ol', { class: 'link-passages', 'aria-label': 'Passages' });
    const add = h(
      'button',
      { type: 'button', class: 'link-add', title: 'Select a passage in a pane, then add it to this link' },
      '+ Add selected passage',
    );
    add.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
    add.addEventListener('click', () => void this.run(() => this.request?.addSelection()));
    this.finder = new TagFinder(model);
    this.note = h('textarea', {
      class: 'popover-note',
      rows: '2',
      maxlength: String(MAX_NOTE_CHARS),
      placeholder: 'Note (optional): why these passages belong together',
      'aria-label': 'Link note',
    });
    this.error = h('p', { class: 'popover-error', role: 'alert' });
    this.finder.onError = (message) => (this.error.textContent = message);
    this.deleteButton = h('button', { type: 'button', class: 'danger' }, 'Delete link');
    this.saveButton = h('button', { type: 'button', class: 'primary', title: 'Save (Ctrl+Enter)' }, 'Save');
    const cancel = h('button', { type: 'button', title: 'Close (Esc)' }, 'Cancel');
    this.element = h(
      'div',
      {
        class: 'tag-popover link-dialog',
        role: 'dialog',
        'aria-labelledby': 'link-dialog-heading',
        tabindex: '-1',
        hidden: true,
      },
      this.heading,
      h(
        'div',
        { class: 'relation-choices', role: 'group', 'aria-label': 'Relation' },
        ...this.relationButtons.values(),
      ),
      this.passages,
      add,
      this.finder.element,
      this.note,
      this.error,
      h('div', { class: 'dialog-actions' }, this.deleteButton, h('span', { class: 'spacer' }), cancel, this.saveButton),
    );
    cancel.addEventListener('click', () => this.close());
    this.saveButton.addEventListener('click', () => void this.save());
    this.deleteButton.addEventListener('click', () => void this.remove());
    this.element.addEventListener('keydown', (event) => this.keydown(event));
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The link shown, if it exists already. */
  get linkId(): string | undefined {
    return this.request?.linkId;
  }

  open(request: LinkDialogRequest): void {
    if (!this.isOpen || !this.element.contains(document.activeElement)) {
      this.returnFocus = request.returnFocus ?? rememberFocus();
    }
    this.request = request;
    this.element.dataset.link = request.linkId ?? '';
    this.heading.textContent = request.linkId ? 'Link' : 'New link';
    this.note.value = request.note;
    this.error.textContent = '';
    this.deleteButton.hidden = !request.remove;
    this.finder.reset(request.tags);
    this.setRelation(request.relation);
    this.showPassages(request.passages);
    this.element.hidden = false;
    placeNear(this.element, request.near, { width: 400, height: 460 });
    this.relationButtons.get(request.relation)?.focus();
  }

  /** Shows the passages again (one added or removed, or undo changed them). */
  showPassages(passages: PassageView[]): void {
    if (!this.request) return;
    this.request.passages = passages;
    const removable = passages.length > 2;
    this.passages.replaceChildren(
      ...passages.map((p, i) => {
        const go = h('button', { type: 'button', class: 'link', title: 'Show this passage in a pane' }, 'Go to');
        go.addEventListener('click', () => this.request?.goTo(i));
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'link danger',
            disabled: !removable,
            title: removable ? 'Take this passage out of the link' : 'A link joins at least two passages',
          },
          'Remove',
        );
        remove.addEventListener('click', () => void this.run(() => this.request?.removePassage(i)));
        return h(
          'li',
          { class: `link-passage${p.orphan ? ' orphan' : ''}` },
          h('span', { class: 'row-doc' }, p.label + (p.orphan ? ' · text not found' : '')),
          h('q', { class: 'row-quote' }, clip(p.text, 160)),
          h('span', { class: 'row-actions' }, go, remove),
        );
      }),
    );
  }

  close(): void {
    if (this.element.hidden) return;
    const request = this.request;
    this.element.hidden = true;
    this.request = undefined;
    request?.closed?.();
    this.returnFocus?.restore();
  }

  private setRelation(relation: Relation): void {
    this.relation = relation;
    for (const [id, b] of this.relationButtons) b.setAttribute('aria-pressed', String(id === relation));
  }

  private keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.save();
      return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const r = RELATIONS.find((x) => x.key === event.key);
    if (r) {
      event.preventDefault();
      this.setRelation(r.id);
      this.relationButtons.get(r.id)?.focus();
    }
  }

  /** Runs an action, showing its failure in the dialog. */
  private async run(action: () => Promise<void> | undefined): Promise<void> {
    this.error.textContent = '';
    try {
      await action();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    }
  }

  private async save(): Promise<void> {
    if (!this.request) return;
    const request = this.request;
    this.saveButton.disabled = true;
    this.error.textContent = '';
    try {
      await request.save(this.relation, this.finder.tags(), this.note.value);
      this.close();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private async remove(): Promise<void> {
    const remove = this.request?.remove;
    if (!remove) return;
    try {
      await remove();
      this.close();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    }
  }
}
