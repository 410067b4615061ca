/** Messages for the user in the corner of the window: info fades, errors stay until dismissed. */
import { h } from './dom';

export class Notices {
  readonly element = h('div', { class: 'notices', role: 'log', 'aria-live': 'polite' });

  /** Shows a message; an info fades after a few seconds unless `sticky` (e.g. it offers to open a file). */
  show(
    message: string,
    kind: 'info' | 'error' = 'info',
    action?: { label: string; run: () => void },
    sticky = false,
  ): void {
    const dismiss = h('button', { type: 'button', class: 'notice-dismiss', 'aria-label': 'Dismiss' }, '✕');
    const item = h(
      'div',
      { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('span', {}, message),
    );
    if (action) {
      const button = h('button', { type: 'button', class: 'notice-action' }, action.label);
      button.addEventListener('click', () => {
        item.remove();
        action.run();
      });
      item.append(button);
    }
    dismiss.addEventListener('click', () => item.remove());
    item.append(dismiss);
    this.element.append(item);
    if (kind === 'info' && !sticky) setTimeout(() => item.remove(), 6000);
  }
}
