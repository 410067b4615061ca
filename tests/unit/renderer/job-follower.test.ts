import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportJob } from '../../../common/api';

const listeners = new Map<string, (payload: unknown) => void>();
const opened = new Set<() => void>();
const reads: string[] = [];
let stored: ExportJob;
vi.mock('../../../renderer/src/bridge', () => ({
  call: vi.fn(async (name: string, input: { id: string }) => {
    reads.push(`${name} ${input.id}`);
    return stored;
  }),
  onEvent: (name: string, listener: (payload: unknown) => void) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  },
  onEventsOpen: (listener: () => void) => {
    opened.add(listener);
    return () => opened.delete(listener);
  },
}));
const { followExportJob } = await import('../../../renderer/src/panels/job-follower');

const job = (extra: Partial<ExportJob>): ExportJob => ({
  id: 'export-1',
  format: 'csv',
  state: 'running',
  stage: 'writing',
  done: 0,
  total: 10,
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
  listeners.clear();
  opened.clear();
  reads.length = 0;
});

describe('following a job by its events', () => {
  it('shows each event of its job, ignores other jobs, and ends when it is done, asking nothing', async () => {
    const seen: number[] = [];
    const done = followExportJob(job({}), (j) => seen.push(j.done));
    const send = listeners.get('exportProgress')!;
    send(job({ done: 4 }));
    send(job({ id: 'export-2', done: 9 })); // another window's export
    send(job({ done: 8 }));
    send(job({ state: 'done', stage: 'done', done: 10, bytes: 120 }));
    expect(await done).toMatchObject({ state: 'done', bytes: 120 });
    expect(seen).toEqual([0, 4, 8]);
    expect(reads).toEqual([]);
    expect(listeners.has('exportProgress')).toBe(false); // stopped listening
  });

  it('reads the job when the stream (re)opens, and after a long silence, not before', async () => {
    vi.useFakeTimers();
    const done = followExportJob(job({}), () => undefined);
    stored = job({ done: 5 });
    for (const reopen of opened) reopen(); // a reconnect: what was missed is read once
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual(['getExportJob export-1']);
    await vi.advanceTimersByTimeAsync(4000);
    expect(reads).toHaveLength(1);
    stored = job({ state: 'failed', stage: 'failed', error: 'disk full' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(reads).toHaveLength(2);
    expect(await done).toMatchObject({ state: 'failed', error: 'disk full' });
  });
});
