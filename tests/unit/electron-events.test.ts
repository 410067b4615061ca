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

describe('the Electron side of events', () => {
  it("sends each event to the Parallax window's page only, and stops when asked", async () => {
    let ids = 0;
    const contents = (url: string, type = 'window', destroyed = false) => ({
      id: ++ids,
      sent: [] as unknown[][],
      getURL: () => url,
      getType: () => type,
      isDestroyed: () => destroyed,
      send(...args: unknown[]) {
        this.sent.push(args);
      },
    });
    const app = contents('file:///opt/parallax/out/renderer/index.html');
    const elsewhere = contents('https://example.com/');
    const webview = contents('file:///opt/parallax/out/renderer/index.html', 'webview');
    const closed = contents('file:///opt/parallax/out/renderer/index.html', 'window', true);
    const second = contents('file:///opt/parallax/out/renderer/index.html');
    vi.doMock('electron', () => ({
      ipcMain: { handle: vi.fn() },
      webContents: { getAllWebContents: () => [app, elsewhere, webview, closed, second] },
    }));
    const { bindEvents } = await import('../../main/ipc');
    const { EventHub } = await import('../../main/services/events');
    const hub = new EventHub();
    const stop = bindEvents(hub, undefined);
    hub.emit('storeStatus', { state: 'pending' });
    hub.emit('workspaceChanged', { what: ['suggestions'], origin: 'align' });
    // A window's own change goes to the other windows only.
    hub.emit('workspaceChanged', { what: ['annotations'], origin: `window:${app.id}` });
    stop();
    hub.emit('storeStatus', { state: 'saved' });
    expect(app.sent).toEqual([
      [eventChannel('storeStatus'), { state: 'pending' }],
      [eventChannel('workspaceChanged'), { what: ['suggestions'], origin: 'align' }],
    ]);
    expect(second.sent.at(-1)).toEqual([
      eventChannel('workspaceChanged'),
      { what: ['annotations'], origin: 'window:1' },
    ]);
    expect([elsewhere.sent, webview.sent, closed.sent]).toEqual([[], [], []]);
    vi.doUnmock('electron');
  });

  it('tells the other windows what a call changed, naming the window that made it', async () => {
    vi.resetModules(); // ipc.ts binds the ipcMain of this test's mock
    const handle = vi.fn();
    vi.doMock('electron', () => ({ ipcMain: { handle }, webContents: { getAllWebContents: () => [] } }));
    const { bindIpc } = await import('../../main/ipc');
    const { EventHub } = await import('../../main/services/events');
    const { ipcChannel } = await import('../../common/channels');
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.subscribe((event) => seen.push(event));
    const tag = { id: 'energy', name: 'Energy', color: '#3cb44b', parentId: null, description: '' };
    const handlers = { createTag: async () => tag, getCodebook: async () => ({ tags: [tag], usage: {} }) };
    bindIpc(handlers as never, undefined, () => hub);
    const bound = (name: Parameters<typeof ipcChannel>[0]) =>
      handle.mock.calls.find(([channel]) => channel === ipcChannel(name))![1];
    const sender = {
      senderFrame: { url: 'file:///opt/parallax/out/renderer/index.html', parent: null },
      sender: { id: 7 },
    };
    expect(await bound('createTag')(sender, { name: 'Energy' })).toMatchObject({ ok: true });
    expect(await bound('getCodebook')(sender, {})).toMatchObject({ ok: true }); // a read changes nothing
    expect(await bound('createTag')(sender, { name: '' })).toMatchObject({ ok: false }); // nor does a refusal
    expect(seen).toEqual([{ name: 'workspaceChanged', payload: { what: ['codebook'], origin: 'window:7' } }]);
    vi.doUnmock('electron');
  });
});
