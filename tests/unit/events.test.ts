import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { events, type AlignJob, type ExportJob, type RefineProgress } from '../../common/api';
import { EVENT_NAMES, eventChannel, isEventName } from '../../common/channels';
import { createWorkspaceService, openWorkspace, type OpenedWorkspace } from '../../main/services/app';
import { EventHub, type HubEvent } from '../../main/services/events';
import type { AlignerHost } from '../../main/services/align-jobs';

let opened: OpenedWorkspace | undefined;

afterEach(async () => {
  await opened?.store.close();
  opened = undefined;
  vi.restoreAllMocks();
});

async function open(): Promise<OpenedWorkspace> {
  opened = await openWorkspace(join(mkdtempSync(join(tmpdir(), 'parallax-events-')), 'workspace.json'), 'browser');
  return opened;
}

/** Everything the hub sends, in order. */
function record(hub: EventHub): HubEvent[] {
  const seen: HubEvent[] = [];
  hub.subscribe((event) => seen.push(event));
  return seen;
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('the contract events', () => {
  it('declare a payload schema for exactly the event names every transport accepts', () => {
    expect(Object.keys(events)).toEqual([...EVENT_NAMES]);
    for (const name of EVENT_NAMES) {
      expect(isEventName(name)).toBe(true);
      expect(eventChannel(name)).toBe(`parallax:event:${name}`);
    }
    for (const name of ['toString', '__proto__', 'constructor', 'alignprogress', '', 42, undefined])
      expect(isEventName(name)).toBe(false);
    expect(events.workspaceChanged.safeParse({ what: ['suggestions'], origin: 'align' }).success).toBe(true);
    expect(events.workspaceChanged.safeParse({ what: ['everything'] }).success).toBe(false);
    expect(events.workspaceChanged.safeParse({ what: [] }).success).toBe(false);
    expect(events.storeStatus.safeParse({ state: 'lost' }).success).toBe(false);
  });
});

describe('the event hub', () => {
  it('delivers events to every subscriber in the order emitted, and stops when asked', () => {
    const hub = new EventHub();
    const all = record(hub);
    const statuses: string[] = [];
    const stop = hub.on('storeStatus', (s) => statuses.push(s.state));
    hub.emit('storeStatus', { state: 'pending' });
    hub.emit('workspaceChanged', { what: ['links'] });
    hub.emit('storeStatus', { state: 'saved', savedAt: '2026-01-01T00:00:00.000Z' });
    stop();
    hub.emit('storeStatus', { state: 'pending' });
    expect(statuses).toEqual(['pending', 'saved']);
    expect(all.map((e) => e.name)).toEqual(['storeStatus', 'workspaceChanged', 'storeStatus', 'storeStatus']);
  });

  it('refuses a payload the contract does not allow, and a failing listener does not stop the others', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hub = new EventHub();
    hub.subscribe(() => {
      throw new Error('window gone');
    });
    const all = record(hub);
    hub.emit('storeStatus', { state: 'lost' } as never);
    hub.emit('workspaceChanged', { what: ['annotations'] });
    expect(all).toEqual([{ name: 'workspaceChanged', payload: { what: ['annotations'] } }]);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/storeStatus does not match the contract/),
      expect.stringMatching(/listener of workspaceChanged failed/),
    ]);
  });
});

describe('events from the services', () => {
  it('the store tells when a change is waiting and when it is on disk', async () => {
    const { events: hub, handlers } = await open();
    const seen = record(hub);
    await handlers.createTag({ name: 'Energy security' });
    await until(() => seen.some((e) => e.name === 'storeStatus' && e.payload.state === 'saved'));
    const states = seen.filter((e) => e.name === 'storeStatus').map((e) => e.payload.state);
    expect(states).toEqual(['pending', 'saved']);
  });

  it('an export reports its writing as it goes, then done with the file', async () => {
    const { events: hub, handlers } = await open();
    const seen = record(hub);
    const job = await handlers.startExport({ format: 'csv' });
    await until(() => seen.some((e) => e.name === 'exportProgress' && e.payload.state !== 'running'));
    const progress = seen.filter((e) => e.name === 'exportProgress').map((e) => e.payload as ExportJob);
    expect(progress.every((p) => p.id === job.id)).toBe(true);
    expect(progress[0]).toMatchObject({ state: 'running', stage: 'writing' });
    expect(progress.at(-1)).toMatchObject({ state: 'done', stage: 'done', fileName: expect.stringMatching(/\.csv$/) });
    expect(progress.at(-1)!.bytes).toBeGreaterThan(0);
  });

  it('an Align run reports its stages, then that suggestions changed, then done', async () => {
    const { events: hub, handlers } = await open();
    const seen = record(hub);
    const job = await handlers.startAlign({});
    await until(() => seen.some((e) => e.name === 'alignProgress' && e.payload.state !== 'running'));
    const progress = seen.filter((e) => e.name === 'alignProgress').map((e) => e.payload as AlignJob);
    expect(progress.every((p) => p.id === job.id)).toBe(true);
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages[0]).toBe('starting');
    expect(stages).toContain('saving');
    expect(stages.at(-1)).toBe('done');
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ state: 'done', count: (await handlers.listSuggestions({})).suggestions.length });
    const changed = seen.findIndex((e) => e.name === 'workspaceChanged');
    expect(seen[changed]?.payload).toEqual({ what: ['suggestions'], origin: 'align' });
    expect(changed).toBeLessThan(seen.findIndex((e) => e.name === 'alignProgress' && e.payload.state === 'done'));
  });

  it('Align progress is sent at every stage but not at every step, and a failure is sent too', async () => {
    const { store } = await open();
    const hub = new EventHub();
    const seen = record(hub);
    let fail = false;
    const aligner: AlignerHost = {
      async align(_request, onProgress) {
        for (let i = 0; i < 1000; i++) onProgress('passages', i, 1000);
        for (let i = 0; i < 1000; i++) onProgress('relations', i, 1000);
        if (fail) throw new Error('the worker stopped');
        return { alignments: [] } as never;
      },
      counterparts: () => Promise.reject(new Error('unused')),
      prepare: () => undefined,
      close: async () => undefined,
      onRefine: () => () => undefined,
    };
    const handlers = createWorkspaceService({ store, mode: 'browser', version: '0', aligner, events: hub });
    await handlers.startAlign({});
    await until(() => seen.some((e) => e.name === 'alignProgress' && e.payload.state === 'done'));
    const stages = seen.filter((e) => e.name === 'alignProgress').map((e) => (e.payload as AlignJob).stage);
    expect(stages).toEqual(['starting', 'passages', 'relations', 'saving', 'done']);
    fail = true;
    seen.length = 0;
    await handlers.startAlign({});
    await until(() => seen.some((e) => e.name === 'alignProgress' && e.payload.state === 'failed'));
    expect(seen.at(-1)?.payload).toMatchObject({ state: 'failed', error: 'Align failed: the worker stopped' });
    expect(seen.some((e) => e.name === 'workspaceChanged')).toBe(false);
  });

  it('how adding meaning goes is sent: each change of state, the count not at every step', async () => {
    const { store } = await open();
    const hub = new EventHub();
    const seen = record(hub);
    let tell: (p: RefineProgress) => void = () => undefined;
    const aligner: AlignerHost = {
      align: () => Promise.reject(new Error('unused')),
      counterparts: () => Promise.reject(new Error('unused')),
      prepare: () => undefined,
      close: async () => undefined,
      onRefine: (listener) => ((tell = listener), () => undefined),
    };
    createWorkspaceService({ store, mode: 'browser', version: '0', aligner, events: hub });
    for (let i = 0; i <= 500; i++) tell({ state: 'embedding', done: i, total: 500 });
    tell({ state: 'refined', done: 500, total: 500 });
    const sent = seen.filter((e) => e.name === 'refineProgress').map((e) => e.payload as RefineProgress);
    expect(sent[0]).toEqual({ state: 'embedding', done: 0, total: 500 });
    expect(sent.length).toBeLessThan(5);
    expect(sent.at(-1)).toEqual({ state: 'refined', done: 500, total: 500 });
    tell({ state: 'failed', done: 0, total: 0, error: 'no model' });
    expect(seen.at(-1)).toEqual({
      name: 'refineProgress',
      payload: { state: 'failed', done: 0, total: 0, error: 'no model' },
    });
  });
});
