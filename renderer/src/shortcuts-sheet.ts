/**
 * The Keyboard Shortcuts sheet (F1, "?", the toolbar's ? button, Help ▸ Keyboard Shortcuts in
 * the desktop app): every command of the one key-binding table by menu, the single keys that
 * work on a selection, and each panel's own keys. Keys a browser keeps for itself are marked
 * "desktop app only", with the way that works in the browser beside them.
 */
import {
  KEY_BINDINGS,
  PANEL_KEYS,
  acceleratorText,
  browserReserved,
  type KeyBinding,
  type MenuName,
} from '../../common/keys';
import { h } from './dom';

/** The rows of the sheet, pure so they can be checked without a page: section, then [keys, what]. */
export interface SheetSection {
  title: string;
  rows: { keys: string[]; does: string; desktopOnly?: string }[];
}

const MENU_TITLES: Record<MenuName, string> = {
  File: 'File',
  Edit: 'Edit',
  Annotate: 'Annotate',
  Compare: 'Compare',
  View: 'View',
  Help: 'Help',
};

/** The sheet's sections, built from the key table; `browser` marks keys the browser keeps. */
export function shortcutSections(browser: boolean, mac = false): SheetSection[] {
  const sections: SheetSection[] = [];
  const row = (b: KeyBinding) => {
    const keys: string[] = [];
    let desktopOnly: string | undefined;
    if (b.accelerator) {
      const text = acceleratorText(b.accelerator, mac);
      if (browserReserved(b.accelerator)) desktopOnly = text;
      if (!browser || !desktopOnly) keys.push(text);
    }
    if (b.selectionKey) keys.push(`${b.selectionKey} on a selection`);
    if (b.plainKey) keys.push(b.plainKey);
    return { keys, does: b.label.replace(/…$/, ''), desktopOnly };
  };
  for (const b of KEY_BINDINGS) {
    const title = MENU_TITLES[b.menu];
    let section = sections.find((s) => s.title === title);
    if (!section) sections.push((section = { title, rows: [] }));
    section.rows.push(row(b));
  }
  for (const panel of PANEL_KEYS) {
    sections.push({ title: panel.panel, rows: panel.keys.map((k) => ({ keys: [k.keys], does: k.does })) });
  }
  return sections;
}

/** The sheet itself: a modal dialog; Esc or Close shuts it and the focus goes back where it was. */
export class ShortcutsSheet {
  readonly element: HTMLDialogElement;
  readonly toolbarButton: HTMLButtonElement;
  private readonly body = h('div', { class: 'shortcuts-body' });

  constructor(private readonly browser: boolean) {
    const close = h('button', { type: 'button', class: 'primary' }, 'Close');
    close.addEventListener('click', () => this.element.close());
    this.element = h(
      'dialog',
      { class: 'shortcuts-sheet', 'aria-label': 'Keyboard shortcuts' },
      h('h2', {}, 'Keyboard shortcuts'),
      browser
        ? h(
            'p',
            { class: 'shortcuts-help' },
            'Keys marked “desktop app only” are kept by the browser; use the key shown beside them.',
          )
        : undefined,
      this.body,
      h('div', { class: 'dialog-actions' }, close),
    );
    this.toolbarButton = h(
      'button',
      {
        type: 'button',
        class: 'shortcuts-toggle',
        title: 'Keyboard shortcuts (F1 or ?)',
        'aria-label': 'Keyboard shortcuts',
      },
      '?',
    );
    this.toolbarButton.addEventListener('click', () => this.toggle());
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  /** Opens the sheet, or closes it when open. */
  toggle(): void {
    if (this.element.open) {
      this.element.close();
      return;
    }
    this.render();
    this.element.showModal();
  }

  private render(): void {
    const mac = /Mac/.test(navigator.platform);
    this.body.replaceChildren(
      ...shortcutSections(this.browser, mac).map((section) =>
        h(
          'section',
          { class: 'shortcuts-section' },
          h('h3', {}, section.title),
          h(
            'dl',
            {},
            ...section.rows.flatMap((r) => [
              h('dt', {}, r.does),
              h(
                'dd',
                {},
                ...r.keys.flatMap((k, i) => {
                  const onSelection = / on a selection$/.exec(k);
                  return onSelection
                    ? [i ? ', ' : '', h('kbd', {}, k.slice(0, onSelection.index)), onSelection[0]]
                    : [i ? ', ' : '', h('kbd', {}, k)];
                }),
                r.desktopOnly && this.browser
                  ? h('span', { class: 'desktop-only' }, h('kbd', {}, r.desktopOnly), ' desktop app only')
                  : r.desktopOnly
                    ? h('span', { class: 'desktop-only' }, ' (not in a browser)')
                    : undefined,
              ),
            ]),
          ),
        ),
      ),
    );
  }
}
