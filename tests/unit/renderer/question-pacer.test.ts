import { describe, expect, it } from 'vitest';
import { QuestionPacer, type PacerClock } from '../../../renderer/src/compare/question-pacer';

/** A clock the test moves by hand, with timers that fire when it passes them. */
function fakeClock(): PacerClock & { advance(ms: number): Promise<void> } {
  let now = 1000;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => (timers.set(++next, { at: now + ms, run }), next),
    clearTimeout: (handle) => void timers.delete(handle as number),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await Promise.resolve();
      }
      now = until;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** Questions asked, each answered when the test says so. */
function answerer() {
  const asked: string[] = [];
  const open: (() => void)[] = [];
  return {
    asked,
    ask: (q: string) => new Promise<void>((resolve) => (asked.push(q), open.push(resolve))),
    async answer() {
      open.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('when the counterparts panel asks', () => {
  it('asks at once when the caret moves after a rest, with no pause first', () => {
    const clock = fakeClock();
    const a = answerer();
    new QuestionPacer(a.ask, 16, clock).moved('p1');
    expect(a.asked).toEqual(['p1']);
  });

  it('gathers a run of quick moves and asks about the last one after it', async () => {
    const clock = fakeClock();
    const a = answerer();
    const pacer = new QuestionPacer(a.ask, 16, clock);
    pacer.moved('p1');
    await a.answer();
    await clock.advance(5);
    pacer.moved('p2'); // 5 ms after p1: part of a run
    await clock.advance(5);
    pacer.moved('p3');
    expect(a.asked).toEqual(['p1']);
    await clock.advance(16);
    expect(a.asked).toEqual(['p1', 'p3']);
  });

  it('never has two questions out: only the latest place waits, and is asked when the answer comes', async () => {
    const clock = fakeClock();
    const a = answerer();
    const pacer = new QuestionPacer(a.ask, 16, clock);
    pacer.moved('p1');
    await clock.advance(100);
    pacer.moved('p2');
    await clock.advance(100);
    pacer.moved('p3');
    expect(a.asked).toEqual(['p1']);
    await a.answer();
    expect(a.asked).toEqual(['p1', 'p3']);
    await a.answer();
    expect(a.asked).toEqual(['p1', 'p3']);
  });

  it('waits the whole pause when pointing, and forgets a move that was cancelled', async () => {
    const clock = fakeClock();
    const a = answerer();
    const pacer = new QuestionPacer(a.ask, 16, clock);
    pacer.moved('hover', 350);
    await clock.advance(349);
    expect(a.asked).toEqual([]);
    await clock.advance(1);
    expect(a.asked).toEqual(['hover']);
    await a.answer();
    pacer.moved('again', 350);
    pacer.cancel();
    await clock.advance(1000);
    expect(a.asked).toEqual(['hover']);
  });

  it('keeps asking after a question fails', async () => {
    const clock = fakeClock();
    const asked: string[] = [];
    const pacer = new QuestionPacer((q: string) => (asked.push(q), Promise.reject(new Error('host gone'))), 16, clock);
    pacer.moved('p1');
    await clock.advance(100);
    pacer.moved('p2');
    expect(asked).toEqual(['p1', 'p2']);
  });
});
