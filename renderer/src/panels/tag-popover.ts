/**
 * The tag popover: opens next to a selection (new annotation) or a clicked highlight
 * (existing one). Type to find a tag (Enter ticks the first match, or creates a tag of
 * that name), tick several, write a note; Ctrl+Enter saves, Escape closes.
 */
import { MAX_NOTE_CHARS } from '../../../common/model';
import { call } from '../bridge';
import { h, placeNear } from '../dom';
import { clip } from '../labels';
import type { AnnotationModel } from './annotation-model';

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
  private readonly filter: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly note: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly removeButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private request?: PopoverRequest;
  private chosen = new Set<string>();
  private returnFocus?: HTMLElement;

  constructor(private readonly model: AnnotationModel) {
    this.heading = h('h2', { class: 'popover-heading' });
    this.quote = h('blockquote', { class: 'popover-quote' });
    this.filter = h('input', {
      type: 'search',
      class: 'popover-filter',
      placeholder: 'Find or create a tag…',
      'aria-label': 'Find or create a tag',
    });
    this.list = h('div', { class: 'popover-tags', role: 'group', 'aria-label': 'Tags' });
    this.note = h('textarea', {
      class: 'popover-note',
      rows: '3',
      maxlength: String(MAX_NOTE_CHARS),
      placeholder: 'Note (optional)',
      'aria-label': 'Note',
    });
    this.error = h('p', { class: 'popover-error', role: 'alert' });
    this.removeButton = h('button', { type: 'button', class: 'danger' }, 'Delete');
    this.saveButton = h('button', { type: 'button', class: 'primary', title: 'Save (Ctrl+Enter)' }, 'Save');
    const cancel = h('button', { type: 'button', title: 'Close (Esc)' }, 'Cancel');
    this.element = h(
      'div',
      { class: 'tag-popover', role: 'dialog', 'aria-label': 'Tag passage', hidden: true },
      this.heading,
      this.quote,
      this.filter,
      this.list,
      this.note,
      this.error,
      h('div', { class: 'dialog-actions' }, this.removeButton, h('span', { class: 'spacer' }), cancel, this.saveButton),
    );
    cancel.addEventListener('click', () => this.close());
    this.saveButton.addEventListener('click', () => void this.save());
    this.removeButton.addEventListener('click', () => void this.remove());
    this.filter.addEventListener('input', () => this.renderTags());
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        void this.pickFirst();
      }
    });
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
    this.chosen = new Set(request.tags);
    this.heading.textContent = request.heading;
    this.quote.textContent = `“${clip(request.quote, 160)}”`;
    this.note.value = request.note;
    this.filter.value = '';
    this.error.textContent = '';
    this.removeButton.hidden = !request.remove;
    this.renderTags();
    this.element.hidden = false;
    placeNear(this.element, request.near);
    this.filter.focus();
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.request = undefined;
    this.returnFocus?.focus({ preventScroll: true });
  }

  private visibleTags() {
    const q = this.filter.value.trim().toLowerCase();
    return this.model
      .tree()
      .filter(({ tag }) => !q || tag.name.toLowerCase().includes(q) || tag.description.toLowerCase().includes(q));
  }

  private renderTags(): void {
    const q = this.filter.value.trim();
    const rows = this.visibleTags().map(({ tag, depth }) => {
      const box = h('input', { type: 'checkbox', checked: this.chosen.has(tag.id), value: tag.id });
      box.addEventListener('change', () => {
        if (box.checked) this.chosen.add(tag.id);
        else this.chosen.delete(tag.id);
      });
      return h(
        'label',
        { class: 'popover-tag', style: `padding-left:${4 + depth * 14}px`, title: tag.description || undefined },
        box,
        h('span', { class: `swatch swatch-${tag.id}` }),
        tag.name,
      );
    });
    const exists = this.model.tags.some((t) => t.name.toLowerCase() === q.toLowerCase());
    if (q && !exists) {
      const create = h('button', { type: 'button', class: 'popover-create' }, `+ Create tag “${q}”`);
      create.addEventListener('click', () => void this.createTag(q));
      rows.push(create as unknown as HTMLLabelElement);
    }
    if (!rows.length) rows.push(h('p', { class: 'muted' }, 'The codebook is empty.') as unknown as HTMLLabelElement);
    this.list.replaceChildren(...rows);
  }

  private async pickFirst(): Promise<void> {
    const q = this.filter.value.trim();
    const [first] = this.visibleTags();
    if (first && q) {
      if (this.chosen.has(first.tag.id)) this.chosen.delete(first.tag.id);
      else this.chosen.add(first.tag.id);
      this.filter.value = '';
      this.renderTags();
    } else if (q) {
      await this.createTag(q);
    }
  }

  private async createTag(name: string): Promise<void> {
    try {
      const tag = await call('createTag', { name });
      await this.model.load();
      this.chosen.add(tag.id);
      this.filter.value = '';
      this.renderTags();
      this.filter.focus();
    } catch (err) {
      this.error.textContent = (err as Error).message;
    }
  }

  private async save(): Promise<void> {
    if (!this.request) return;
    const tags = [...this.chosen].filter((id) => this.model.tag(id));
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
