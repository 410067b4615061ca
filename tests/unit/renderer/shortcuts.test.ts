import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, acceleratorText, browserReserved, keyHint } from '../../../common/keys';
import { shortcutSections } from '../../../renderer/src/shortcuts-sheet';

describe('the keyboard shortcuts sheet', () => {
  it('lists every command of the key table under its menu, with its keys', () => {
    const sections = shortcutSections(false);
    for (const b of KEY_BINDINGS) {
      const row = sections.find((s) => s.title === b.menu)?.rows.find((r) => r.does === b.label.replace(/…$/, ''));
      expect(row, b.label).toBeDefined();
      if (b.accelerator) expect(row!.keys).toContain(acceleratorText(b.accelerator));
    }
    const tag = sections.find((s) => s.title === 'Annotate')!.rows.find((r) => r.does === 'Tag Selection')!;
    expect(tag.keys).toEqual(['Ctrl+T', 'T on a selection']);
    expect(sections.find((s) => s.title === 'Help')!.rows[0].keys).toEqual(['F1', '?']);
    expect(sections.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Review queue', 'Counterparts panel', 'Link dialog']),
    );
  });

  it('in a browser, leaves out the keys the browser keeps and marks them desktop only', () => {
    const tag = shortcutSections(true)
      .find((s) => s.title === 'Annotate')!
      .rows.find((r) => r.does === 'Tag Selection')!;
    expect(tag.keys).toEqual(['T on a selection']);
    expect(tag.desktopOnly).toBe('Ctrl+T');
    const align = shortcutSections(true)
      .find((s) => s.title === 'Compare')!
      .rows.find((r) => r.does === 'Align Documents')!;
    expect(align).toMatchObject({ keys: ['Ctrl+Shift+A'], desktopOnly: undefined });
  });
});

describe('keys a browser keeps', () => {
  it('are the ones Chromium reserves, and hints offer what works instead', () => {
    expect(browserReserved('CmdOrCtrl+T')).toBe(true);
    expect(browserReserved('CmdOrCtrl+Shift+W')).toBe(true);
    expect(browserReserved('CmdOrCtrl+Alt+N')).toBe(false);
    expect(keyHint('annotate.tag', true)).toBe('T');
    expect(keyHint('annotate.tag', false)).toBe('Ctrl+T');
    expect(keyHint('align.run', true)).toBe('Ctrl+Shift+A');
    // Nothing in the table is reachable only by a key the browser keeps.
    for (const b of KEY_BINDINGS) {
      if (b.accelerator && browserReserved(b.accelerator)) expect(b.selectionKey ?? b.plainKey, b.label).toBeDefined();
    }
  });
});
