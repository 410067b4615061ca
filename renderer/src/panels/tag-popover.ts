/**
 * The tag popover: opens next to a selection (new annotation) or a clicked highlight
 * (existing one). Find and tick tags (the shared tag finder), write a note; Ctrl+Enter saves, Escape closes.
 */
import { MAX_NOTE_CHARS } from '../../../common/model';
import { h, placeNear } from '../dom';
import { clip } from '../labels';
import type { AnnotationModel } from './annotation-model';
import { TagFinder } from './tag-finder';

export interface PopoverRequest {
  /** Where to show it (viewport coordinates of the passage). */
  near: DOMRect;
  heading: string;
  quote: string;
  tags: string[];
  note: string;
  save(tags: string[], note: string): Promise<void>;
  remove?(): Promise<void>;
}

export class TagPopover {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly quote: HTMLElement;
  private readonly finder: TagFinder;
  private readonly note: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly removeButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private request?: PopoverRequest;
  private returnFocus?: HTMLElement;

  constructor(model: AnnotationModel) {
    this.heading = h('h2', { class: 'popover-heading' });
    this.quote = h('blockquote', { class: 'popover-quote' });
    this.finder = new TagFinder(model);
    this.note = h('textarea', {
      class: 'popover-note',
      rows: '3',
      maxlength: String(MAX_NOTE_CHARS),
      placeholder: 'Note (optional)',
      'aria-label': 'Note',
    });
    this.error = h('p', { class: 'popover-error', role: 'alert' });
    this.finder.onError = (message) => (this.error.textContent = message);
    this.removeButton = h('button', { type: 'button', class: 'danger' }, 'Delete');
    this.saveButton = h('button', { type: 'button', class: 'primary', title: 'Save (Ctrl+Enter)' }, 'Save');
    const cancel = h('button', { type: 'button', title: 'Close (Esc)' }, 'Cancel');
    this.element = h(
      'div',
      { class: 'tag-popover', role: 'dialog', 'aria-label': 'Tag passage', hidden: true },
      this.heading,
      this.quote,
      this.finder.element,
      this.note,
      this.error,
      h('div', { class: 'dialog-actions' }, this.removeButton, h('span', { class: 'spacer' }), cancel, this.saveButton),
    );
    cancel.addEventListener('click', () => this.close());
    this.saveButton.addEventListener('click', () => void this.save());
    this.removeButton.addEventListener('click', () => void this.remove());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.save();
      }
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(request: PopoverRequest): void {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    this.request = request;
    this.heading.textContent = request.heading;
    this.quote.textContent = `“${clip(request.quote, 160)}”`;
    this.note.value = request.note;
    this.error.textContent = '';
    this.removeButton.hidden = !request.remove;
    this.finder.reset(request.tags);
    this.element.hidden = false;
    placeNear(this.element, request.near);
    this.finder.focus();
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.request = undefined;
    this.returnFocus?.focus({ preventScroll: true });
  }

  private async save(): Promise<void> {
    if (!this.request) return;
    const tags = this.finder.tags();
    const note = this.note.value;
    if (!tags.length && !note.trim()) {
      this.error.textContent = this.request.remove
        ? 'Choose a tag or write a note — or delete the annotation.'
        : 'Choose at least one tag or write a note.';
      return;
    }
    this.saveButton.disabled = true;
    try {
      await this.request.save(tags, note);
      this.close();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private async remove(): Promise<void> {
    if (!this.request?.remove) return;
    try {
      await this.request.remove();
      this.close();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    }
  }
}
