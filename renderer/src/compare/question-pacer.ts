/**
 * When the counterparts panel asks the aligner: a move of the caret after a rest is asked
 * about at once; moves that follow each other closely (a drag, a held arrow key) are
 * gathered and the last of them asked a moment after it; while an answer is on its way,
 * only the latest place waits to be asked next, so there is never more than one question
 * at a time and none goes stale in a queue.
 */

/** The clock and timers the pacer uses (the page's, or a test's). */
export interface PacerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const pageClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class QuestionPacer<Q> {
  private timer?: unknown;
  private lastMove = -Infinity;
  private inFlight = false;
  private pending?: Q;

  /**
   * `ask` answers one question (resolving once it is shown or failed); moves closer
   * together than `gatherMs` count as one run.
   */
  constructor(
    private readonly ask: (question: Q) => Promise<void>,
    private readonly gatherMs: number,
    private readonly clock: PacerClock = pageClock,
  ) {}

  /**
   * A move to `question`. `pause` is the least time to wait first: 0 asks at once, the
   * gathering time or less asks at once after a rest, longer (pointing with the mouse)
   * always waits that long.
   */
  moved(question: Q, pause = this.gatherMs): void {
    this.clock.clearTimeout(this.timer);
    const now = this.clock.now();
    const rested = now - this.lastMove >= this.gatherMs;
    if (pause <= this.gatherMs) this.lastMove = now;
    if (pause === 0 || (pause <= this.gatherMs && rested)) this.send(question);
    else this.timer = this.clock.setTimeout(() => this.send(question), pause);
  }

  /** Forgets a move waiting for its pause (the place is already answered). */
  cancel(): void {
    this.clock.clearTimeout(this.timer);
  }

  private send(question: Q): void {
    if (this.inFlight) {
      this.pending = question;
      return;
    }
    this.inFlight = true;
    void this.ask(question)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        const next = this.pending;
        this.pending = undefined;
        if (next !== undefined) this.send(next);
      });
  }
}
