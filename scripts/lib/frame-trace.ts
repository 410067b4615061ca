/**
 * Reading a Chromium trace of a page while one of its panes scrolls: the main thread's
 * work in each scroll frame, as wall-clock time and as the thread's own CPU time, and
 * what kind of work it was.
 */

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): wall time less time spent waiting for a CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
};

/** What the main thread did, by kind. */
export type WorkKind = 'script' | 'style and layout' | 'paint and compositing' | 'other';

const KINDS: [RegExp, WorkKind][] = [
  [
    /^(FunctionCall|FireAnimationFrame|EventDispatch|TimerFire|EvaluateScript|v8\.|V8\.|MinorGC|MajorGC|BlinkScheduler_PerformMicrotaskCheckpoint|RunMicrotasks|FireIdleCallback)/,
    'script',
  ],
  [/^(UpdateLayoutTree|Layout|RecalcStyle|IntersectionObserverController)/, 'style and layout'],
  [/^(PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers|Commit|ScrollLayer|HitTest)/, 'paint and compositing'],
];

function kindOf(name: string): WorkKind {
  return KINDS.find(([re]) => re.test(name))?.[1] ?? 'other';
}

export interface ScrollFrames {
  /** Busy time of the main thread per scroll frame (ms, wall clock). */
  wall: number[];
  /** The same work counted as the thread's CPU time (ms): without the time it waited for a CPU. */
  cpu: number[];
  /** The frame callbacks' durations (ms, wall clock). */
  redraws: number[];
  /** Mean CPU time per scroll frame by kind of work (ms). */
  kinds: Record<WorkKind, number>;
}

/**
 * The main thread's work per scroll frame: its busy time from each scroll event the
 * pane dispatches to the next (at most two frames at 60 Hz, so the frame after a scroll,
 * where blocks coming into view are laid out and painted, counts with it): the event,
 * the frame callback that measures and redraws the curves and rulers, style, layout,
 * paint and compositing, and (in software) rasterising canvases.
 */
export function workPerScrollFrame(traceJson: string): ScrollFrames {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const kinds: Record<WorkKind, number> = { script: 0, 'style and layout': 0, 'paint and compositing': 0, other: 0 };
  const scrolls = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'scroll');
  if (!scrolls.length) return { wall: [], cpu: [], redraws: [], kinds };
  const main = `${scrolls[0].pid}:${scrolls[0].tid}`;
  const onMain = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  let end = 0;
  for (const t of onMain) {
    if ((t.name === 'RunTask' || t.name === 'ThreadControllerImpl::RunTask') && t.ts >= end) {
      top.push(t);
      end = t.ts + (t.dur ?? 0);
    }
  }
  const starts = [...new Set(scrolls.map((s) => s.ts))].sort((a, b) => a - b);
  const windows = starts.map((from, i) => [from, Math.min(starts[i + 1] ?? from + 16_700, from + 16_700 * 2)]);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const [from, to] of windows) {
    let busy = 0;
    let own = 0;
    for (const t of top) {
      const a = Math.max(t.ts, from);
      const b = Math.min(t.ts + (t.dur ?? 0), to);
      if (b <= a) continue;
      busy += b - a;
      // A task cut by the window's edge counts its CPU time in proportion.
      own += ((t.tdur ?? t.dur ?? 0) * (b - a)) / Math.max(1, t.dur ?? 0);
    }
    wall.push(busy / 1000);
    cpu.push(own / 1000);
  }
  // Self CPU time of every event inside the windows, by kind.
  const stack: { end: number; self: { kind: WorkKind; time: number } }[] = [];
  const selves: { kind: WorkKind; time: number }[] = [];
  let w = 0;
  for (const e of onMain) {
    while (w < windows.length && windows[w][1] <= e.ts) w++;
    if (w >= windows.length) break;
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const self = { kind: kindOf(e.name), time: e.tdur ?? e.dur ?? 0 };
    if (stack.length) stack[stack.length - 1].self.time -= self.time;
    stack.push({ end: e.ts + (e.dur ?? 0), self });
    if (e.ts >= windows[w][0]) selves.push(self);
  }
  for (const s of selves) kinds[s.kind] += Math.max(0, s.time) / 1000 / windows.length;
  const redraws = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => (e.dur ?? 0) / 1000);
  return { wall, cpu, redraws, kinds };
}
