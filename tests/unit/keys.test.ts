import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../common/channels';
import { KEY_BINDINGS, acceleratorText, parseAccelerator } from '../../common/keys';

describe('the key-binding table', () => {
  it('gives every menu command exactly one entry, and no two commands the same keys', () => {
    expect(KEY_BINDINGS.map((b) => b.command).sort()).toEqual([...MENU_COMMANDS].sort());
    const accelerators = KEY_BINDINGS.flatMap((b) => (b.accelerator ? [b.accelerator.toLowerCase()] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    const single = KEY_BINDINGS.flatMap((b) => (b.selectionKey ? [b.selectionKey.toLowerCase()] : []));
    expect(new Set(single).size).toBe(single.length);
  });

  it('reads accelerators the way the renderer matches key events', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+A')).toEqual({ mod: true, alt: false, shift: true, key: 'KeyA' });
    expect(parseAccelerator('CmdOrCtrl+Alt+Left')).toEqual({ mod: true, alt: true, shift: false, key: 'ArrowLeft' });
    expect(parseAccelerator('Shift+F8')).toEqual({ mod: false, alt: false, shift: true, key: 'F8' });
    expect(acceleratorText('CmdOrCtrl+Alt+Right')).toBe('Ctrl+Alt+→');
    expect(acceleratorText('CmdOrCtrl+E', true)).toBe('Cmd+E');
  });
});
