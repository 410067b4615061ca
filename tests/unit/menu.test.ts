import { describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, GESTURE_COMMAND_EVENT } from '../../common/channels';
import { KEY_BINDINGS } from '../../common/keys';

interface Item {
  label?: string;
  click?: () => void;
  submenu?: Item[];
}

describe('the application menu', () => {
  it('runs File ▸ Import… in the page with a user gesture (so its file picker may open) and sends other commands over IPC', async () => {
    let template: Item[] = [];
    vi.doMock('electron', () => ({
      app: { name: 'Parallax', getVersion: () => '0.0.0' },
      shell: { openExternal: vi.fn() },
      Menu: { buildFromTemplate: (t: Item[]) => ((template = t), {}) },
    }));
    const { buildMenu } = await import('../../main/menu');
    const send = vi.fn();
    const executeJavaScript = vi.fn(async () => undefined);
    buildMenu(() => ({ webContents: { send, executeJavaScript } }) as never, {
      newWorkspace: vi.fn(),
      openWorkspace: vi.fn(),
    });
    const items = (list: Item[]): Item[] => list.flatMap((i) => [i, ...items(i.submenu ?? [])]);
    const item = (label: string) => items(template).find((i) => i.label === label)!;

    item(KEY_BINDINGS.find((b) => b.command === 'file.import')!.label).click!();
    expect(send).not.toHaveBeenCalled();
    expect(executeJavaScript).toHaveBeenCalledTimes(1);
    const [code, userGesture] = executeJavaScript.mock.calls[0] as unknown as [string, boolean];
    expect(userGesture).toBe(true);
    // The code dispatches the command as an event the renderer listens for.
    const dispatched: Event[] = [];
    const window = { dispatchEvent: (e: Event) => dispatched.push(e) };
    new Function('window', 'CustomEvent', code)(window, CustomEvent);
    expect(dispatched.map((e) => [e.type, (e as CustomEvent).detail])).toEqual([
      [GESTURE_COMMAND_EVENT, 'file.import'],
    ]);

    item(KEY_BINDINGS.find((b) => b.command === 'file.export')!.label).click!();
    expect(send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'file.export');
    expect(executeJavaScript).toHaveBeenCalledTimes(1);

    // Help ▸ Keyboard Shortcuts comes from the same table and opens the sheet.
    const help = template.find((m) => (m as { role?: string }).role === 'help')!;
    expect(help.submenu!.map((i) => i.label)).toContain('Keyboard Shortcuts');
    item('Keyboard Shortcuts').click!();
    expect(send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'help.shortcuts');
    vi.doUnmock('electron');
  });
});
