/**
 * The tag finder shared by the tag popover and the link dialog: type to find a tag, tick
 * as many as apply; Enter ticks the best match, or creates a tag of that name. Tags whose
 * name matches rank above tags whose description merely mentions the words typed.
 */
import { call } from '../bridge';
import { h } from '../dom';
import type { AnnotationModel } from './annotation-model';
import { rankTags, sameNamedTag, type TreeTag } from './tag-rank';

export class TagFinder {
  readonly element: HTMLElement;
  readonly filter: HTMLInputElement;
  private readonly list: HTMLElement;
  private chosen = new Set<string>();
  /** Called with a message when creating a tag fails. */
  onError: (message: string) => void = () => undefined;

  constructor(private readonly model: AnnotationModel) {
    this.filter = h('input', {
      type: 'search',
      class: 'popover-filter',
      placeholder: 'Find or create a tag…',
      'aria-label': 'Find or create a tag',
    });
    this.list = h('div', { class: 'popover-tags', role: 'group', 'aria-label': 'Tags' });
    this.element = h('div', { class: 'tag-finder' }, this.filter, this.list);
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        void this.pickFirst();
      }
    });
  }

  /** Starts over with these tags ticked. */
  reset(tags: string[]): void {
    this.chosen = new Set(tags);
    this.filter.value = '';
    this.render();
  }

  /** The ticked tags that still exist. */
  tags(): string[] {
    return [...this.chosen].filter((id) => this.model.tag(id));
  }

  focus(): void {
    this.filter.focus();
  }

  private visibleTags(): TreeTag[] {
    return rankTags(this.model.tree(), this.filter.value);
  }

  render(): void {
    const q = this.filter.value.trim();
    const rows: HTMLElement[] = this.visibleTags().map(({ tag, depth }) => {
      const box = h('input', { type: 'checkbox', checked: this.chosen.has(tag.id), value: tag.id });
      box.addEventListener('change', () => {
        if (box.checked) this.chosen.add(tag.id);
        else this.chosen.delete(tag.id);
      });
      return h(
        'label',
        {
          class: 'popover-tag',
          style: `padding-left:${4 + (q ? 0 : depth) * 14}px`,
          title: tag.description || undefined,
        },
        box,
        h('span', { class: `swatch swatch-${tag.id}` }),
        tag.name,
      );
    });
    // No offer to create "russia-china alignment" beside "Russia–China alignment".
    if (q && !sameNamedTag(this.model.tags, q)) {
      const create = h('button', { type: 'button', class: 'popover-create' }, `+ Create tag “${q}”`);
      create.addEventListener('click', () => void this.createTag(q));
      rows.push(create);
    }
    if (!rows.length) rows.push(h('p', { class: 'muted' }, 'The codebook is empty.'));
    this.list.replaceChildren(...rows);
  }

  private async pickFirst(): Promise<void> {
    const q = this.filter.value.trim();
    const first = sameNamedTag(this.model.tags, q) ?? this.visibleTags()[0]?.tag;
    if (first && q) {
      if (this.chosen.has(first.id)) this.chosen.delete(first.id);
      else this.chosen.add(first.id);
      this.filter.value = '';
      this.render();
    } else if (q) {
      await this.createTag(q);
    }
  }

  private async createTag(name: string): Promise<void> {
    try {
      const tag = await call('createTag', { name });
      this.model.applyTag(tag);
      this.chosen.add(tag.id);
      this.filter.value = '';
      this.render();
      this.filter.focus();
    } catch (err) {
      this.onError((err as Error).message);
    }
  }
}
