/**
 * A small menu that opens where text carries more than one thing (an annotation, links,
 * overlapping suggestions): it lists them and opens the one chosen, instead of picking one
 * for the analyst. Arrow keys move, Enter opens, Escape closes.
 */
import { h, placeNear } from '../dom';

/** One thing to choose: what it is, and how to open it. */
export interface ChooserItem {
  kind: 'annotation' | 'link' | 'suggestion';
  /** The relation or tag, shown as a coloured chip. */
  chip: string;
  chipClass: string;
  text: string;
  open(): void;
}

export class ItemChooser {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private returnFocus?: HTMLElement;

  constructor() {
    this.list = h('ul', { class: 'chooser-list', role: 'menu' });
    this.element = h(
      'div',
      { class: 'tag-popover item-chooser', role: 'dialog', 'aria-label': 'Choose what to open', hidden: true },
      h('p', { class: 'card-label' }, 'Several things are here — open which?'),
      this.list,
    );
    this.element.addEventListener('keydown', (event) => {
      const items = [...this.list.querySelectorAll<HTMLButtonElement>('button')];
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') this.close();
      else if (event.key === 'ArrowDown' || event.key === 'j') items[(at + 1) % items.length]?.focus();
      else if (event.key === 'ArrowUp' || event.key === 'k') items[(at - 1 + items.length) % items.length]?.focus();
      else return;
      event.preventDefault();
    });
    document.addEventListener('mousedown', (event) => {
      if (this.isOpen && !this.element.contains(event.target as Node)) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(items: ChooserItem[], near: DOMRect): void {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    this.list.replaceChildren(
      ...items.map((item) => {
        const b = h(
          'button',
          { type: 'button', role: 'menuitem', class: 'chooser-item', 'data-kind': item.kind },
          h('span', { class: `chip ${item.chipClass}` }, item.chip),
          h('span', { class: 'chooser-text' }, item.text),
        );
        b.addEventListener('click', () => {
          this.close(false);
          item.open();
        });
        return h('li', {}, b);
      }),
    );
    this.element.hidden = false;
    placeNear(this.element, near, { width: 360, height: 40 + items.length * 44 });
    this.list.querySelector<HTMLButtonElement>('button')?.focus();
  }

  close(restoreFocus = true): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    if (restoreFocus) this.returnFocus?.focus({ preventScroll: true });
  }
}
