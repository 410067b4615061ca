/**
 * Messages for the user in the corner of the window. Information fades after a few seconds
 * (longer when it offers an action such as Undo, and never while the pointer is over it or
 * it has the focus); errors stay until dismissed. At most a few are shown, the newest at
 * the bottom; older ones fold into "N earlier", which unfolds them. ✕ or Esc (when the
 * focus is not in a field or dialog) dismisses the newest; the stack never reaches up over
 * the toolbar.
 */
import { h } from './dom';

/** How long information stays, in ms: plain, and when it offers an action. */
export const NOTICE_FADE_MS = 6000;
export const NOTICE_ACTION_FADE_MS = 15000;
/** Once the pointer or focus leaves a notice, it stays at least this long. */
const NOTICE_LINGER_MS = 3000;
/** How many notices are shown before older ones fold away. */
export const NOTICES_SHOWN = 3;

interface Notice {
  item: HTMLElement;
  kind: 'info' | 'error';
  /** When an info notice fades (ms since the epoch); undefined for errors and sticky ones. */
  fadesAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  held: boolean;
}

export class Notices {
  readonly element = h('div', { class: 'notices', role: 'log', 'aria-live': 'polite' });
  private readonly more = h('button', { type: 'button', class: 'notices-more', hidden: true });
  private readonly list = h('div', { class: 'notices-list' });
  private readonly shown: Notice[] = [];
  private unfolded = false;

  constructor() {
    this.element.append(this.more, this.list);
    this.more.addEventListener('click', () => {
      this.unfolded = !this.unfolded;
      this.layout();
      // The newest stay in sight at the bottom; the earlier ones scroll above them.
      this.element.scrollTop = this.element.scrollHeight;
    });
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !this.shown.length) return;
      const inNotice = this.shown.find((n) => n.item.contains(document.activeElement));
      if (!inNotice && !escapeIsFree(event.target)) return;
      event.preventDefault();
      this.dismiss(inNotice ?? this.shown[this.shown.length - 1]);
    });
    window.addEventListener('resize', () => this.layout());
  }

  /** Shows a message; an info fades after a few seconds unless `sticky` (e.g. it asks to press a key). */
  show(
    message: string,
    kind: 'info' | 'error' = 'info',
    action?: { label: string; run: () => void },
    sticky = false,
  ): void {
    const item = h(
      'div',
      { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('span', {}, message),
    );
    const notice: Notice = { item, kind, held: false };
    if (action) {
      const button = h('button', { type: 'button', class: 'notice-action' }, action.label);
      button.addEventListener('click', () => {
        this.dismiss(notice);
        action.run();
      });
      item.append(button);
    }
    const dismiss = h(
      'button',
      { type: 'button', class: 'notice-dismiss', 'aria-label': 'Dismiss', title: 'Dismiss (Esc)' },
      '✕',
    );
    dismiss.addEventListener('click', () => this.dismiss(notice));
    item.append(dismiss);
    // Reading or reaching for a notice holds it; it fades a little after the pointer and focus leave.
    const hold = () => this.hold(notice);
    const release = () => {
      if (!item.matches(':hover') && !item.contains(document.activeElement)) this.release(notice);
    };
    item.addEventListener('pointerenter', hold);
    item.addEventListener('focusin', hold);
    item.addEventListener('pointerleave', release);
    item.addEventListener('focusout', () => setTimeout(release));
    this.shown.push(notice);
    this.list.append(item);
    if (kind === 'info' && !sticky) this.schedule(notice, action ? NOTICE_ACTION_FADE_MS : NOTICE_FADE_MS);
    this.layout();
  }

  /** Removes a notice now. */
  private dismiss(notice: Notice): void {
    clearTimeout(notice.timer);
    const at = this.shown.indexOf(notice);
    if (at < 0) return;
    const hadFocus = notice.item.contains(document.activeElement);
    this.shown.splice(at, 1);
    notice.item.remove();
    // The focus goes to the next notice rather than being lost on the page.
    if (hadFocus) this.shown[Math.min(at, this.shown.length - 1)]?.item.querySelector('button')?.focus();
    this.layout();
  }

  private schedule(notice: Notice, ms: number): void {
    clearTimeout(notice.timer);
    notice.fadesAt = Date.now() + ms;
    notice.timer = setTimeout(() => this.dismiss(notice), ms);
  }

  private hold(notice: Notice): void {
    notice.held = true;
    clearTimeout(notice.timer);
  }

  private release(notice: Notice): void {
    if (!notice.held) return;
    notice.held = false;
    if (notice.fadesAt !== undefined) this.schedule(notice, Math.max(notice.fadesAt - Date.now(), NOTICE_LINGER_MS));
  }

  /** Shows the newest few (all when unfolded), and keeps the stack below the toolbar. */
  private layout(): void {
    const folded = this.unfolded ? 0 : Math.max(0, this.shown.length - NOTICES_SHOWN);
    this.shown.forEach((n, i) => (n.item.hidden = i < folded));
    if (this.shown.length <= NOTICES_SHOWN) this.unfolded = false;
    this.more.hidden = this.shown.length <= NOTICES_SHOWN;
    this.more.textContent = this.unfolded ? 'Fold earlier messages' : `${folded} earlier…`;
    this.more.setAttribute('aria-expanded', String(this.unfolded));
    const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect();
    const top = toolbar ? toolbar.bottom + 8 : 8;
    this.element.style.maxHeight = `${Math.max(120, window.innerHeight - top - 16)}px`;
  }
}

/** Whether Esc is free for the notices: the focus is not in a field, and no dialog is open. */
function escapeIsFree(target: EventTarget | null): boolean {
  if (target instanceof HTMLElement) {
    if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], dialog')) return false;
  }
  const open = document.querySelectorAll<HTMLElement>('[role="dialog"]:not([hidden]), dialog[open], .pick-bar');
  return ![...open].some((el) => !el.hidden && el.getClientRects().length > 0);
}
