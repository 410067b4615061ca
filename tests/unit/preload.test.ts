import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, eventChannel } from '../../common/channels';

afterEach(() => vi.restoreAllMocks());

describe('the preload', () => {
  it('exposes one onEvent that listens on the declared events only, never ipcRenderer', async () => {
    const exposed: Record<string, Record<string, unknown>> = {};
    const on = vi.fn();
    const removeListener = vi.fn();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
      ipcRenderer: { on, removeListener, invoke: vi.fn() },
    }));
    await import('../../preload/index');
    const api = exposed.parallax;
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    const onEvent = api.onEvent as (name: unknown, listener: (p: unknown) => void) => () => void;
    for (const name of EVENT_NAMES) {
      const got: unknown[] = [];
      const stop = onEvent(name, (p) => got.push(p));
      const [channel, handler] = on.mock.calls.at(-1)!;
      expect(channel).toBe(eventChannel(name));
      handler({ sender: 'not for the page' }, { state: 'saved' });
      expect(got).toEqual([{ state: 'saved' }]); // the payload only, never the IPC event
      stop();
      expect(removeListener).toHaveBeenLastCalledWith(channel, handler);
    }
    for (const name of ['parallax:command', 'toString', '__proto__', 'getStoreStatus', 7])
      expect(() => onEvent(name, () => undefined)).toThrow(/no event/);
    vi.doUnmock('electron');
  });
});
