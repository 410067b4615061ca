/**
 * Laying a pane's text out ahead of the reader, in idle time.
 *
 * Blocks of text are `content-visibility: auto` (styles/app.css): a workspace with
 * thousands of highlights opens and types fast because blocks out of view are neither
 * styled nor laid out. The price is paid while scrolling: each block is styled and laid
 * out in the frame in which it first comes into view, and again whenever it comes back
 * (the browser drops a skipped block's layout). Those frames were the slowest of a
 * scroll.
 *
 * Once the pane is drawn and the analyst pauses, this lays the blocks out a few at a time
 * in idle callbacks, starting at the ones on screen and growing downward (the reading
 * direction) faster than upward, until the whole text is laid out. A laid-out block keeps
 * the containment `auto` gives it (layout, style and paint), so it looks and clips the
 * same, and scrolling past it only paints it. Any input (a key, a click, the wheel)
 * or a scroll pauses the work until the pane has been quiet for a moment.
 *
 * ProseMirror's DOM is never touched (a changed attribute there makes the editor read
 * and redraw it): the pane owns a stylesheet whose rule names the laid-out blocks by
 * their place (`:nth-child` ranges). Changes in height above the reading place (a block
 * laid out at its real height instead of its placeholder's) are absorbed by the
 * browser's scroll anchoring, so the first visible line stays where it is.
 */

/** Quiet time after the last input or scroll before laying out resumes (ms). */
const QUIET_MS = 250;
/**
 * Time one step aims to take: the stylesheet's change, style and layout (ms). Changing a
 * stylesheet has a fixed cost of a few milliseconds in a large workspace, whatever the
 * rule, so a step lays out as many blocks as fit in this time rather than one by one.
 */
const STEP_MS = 8;
/** How long to wait for idle time before taking a step as an ordinary task (ms). */
const IDLE_WAIT_MS = 1000;
/** A step starts only when the idle period has at least this much left for it (ms). */
const MIN_STEP_MS = 2;

/** When the user last gave input anywhere in the window (performance.now()). */
let lastInput = 0;
let listening = false;

function listenForInput(): void {
  if (listening) return;
  listening = true;
  const note = () => (lastInput = performance.now());
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart'])
    window.addEventListener(type, note, { capture: true, passive: true });
}

/** True when input is waiting for the main thread (Chromium's isInputPending). */
function inputPending(): boolean {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** The top-level blocks the document schema draws (common/schema.ts, toDOM). */
const BLOCK_TAGS = 'p, h1, h2, h3, h4, h5, h6, blockquote, pre, hr, ul, ol, section';

/** Places of laid-out blocks among the editor's children, 1-based and inclusive. */
export type Range = [from: number, to: number];

/** True when the ranges name every one of `count` blocks. */
export function covers(ranges: readonly Range[], count: number): boolean {
  return count === 0 || (ranges.length === 1 && ranges[0][0] <= 1 && ranges[0][1] >= count);
}

/**
 * The laid-out ranges (1-based, inclusive, sorted, disjoint) after laying out `blocks`
 * more around block `at` of `count`: the range holding `at` (a new one if none does)
 * grows two blocks downward for one upward, in one direction only once it reaches an end; ranges
 * that meet are merged, and places beyond the text (blocks deleted) are dropped.
 */
export function widen(ranges: readonly Range[], at: number, count: number, blocks: number): Range[] {
  const next = ranges.filter(([from]) => from <= count).map(([from, to]): Range => [from, Math.min(to, count)]);
  let range = next.find(([from, to]) => from <= at && at <= to);
  if (!range) {
    range = [at, at - 1];
    next.push(range);
    next.sort((a, b) => a[0] - b[0]);
  }
  // Two down for one up; what one end has no room for goes to the other.
  const up = Math.min(range[0] - 1, blocks - Math.min(Math.ceil((blocks * 2) / 3), count - range[1]));
  range[1] = Math.min(count, range[1] + blocks - up);
  range[0] -= up;
  const merged: Range[] = [];
  for (const r of next) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else if (r[1] >= r[0]) merged.push(r);
  }
  return merged;
}

/** What a pane gives the pre-layout: where its text is and how to name its blocks. */
export interface PreLayoutTarget {
  /** The element that scrolls the text. */
  scroller: HTMLElement;
  /** The editor's root element (its children are the blocks), once a document is shown. */
  doc(): HTMLElement | undefined;
  /** A selector matching the editor's root element of this pane only. */
  docSelector: string;
  /** Told when every block is laid out, or again pending. */
  status?(done: boolean): void;
}

/** Lays out one pane's blocks ahead of the reader in idle time; see the module comment. */
export class PreLayout {
  private readonly style: HTMLStyleElement;
  /** Laid-out blocks as 1-based inclusive ranges of child places, sorted, disjoint. */
  private ranges: Range[] = [];
  /** Blocks added per step, adapted so that a step takes about STEP_MS. */
  private perStep = 4;
  private idle = 0;
  private timer = 0;
  private done = false;
  private editing = false;
  /** The scroll position the last step left (a scroll event at it is the anchoring's, not the user's). */
  private ownTop = -1;
  private readonly onScroll = () => {
    if (this.target.scroller.scrollTop !== this.ownTop) lastInput = performance.now();
  };

  constructor(private readonly target: PreLayoutTarget) {
    listenForInput();
    this.style = document.createElement('style');
    this.style.dataset.preLayout = '';
    document.head.append(this.style);
    target.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    target.status?.(false);
  }

  /** A new document is shown: nothing of it is laid out ahead yet; start after a pause. */
  reset(): void {
    this.ranges = [];
    this.style.textContent = '';
    lastInput = Math.max(lastInput, performance.now());
    this.setDone(false);
    this.schedule();
  }

  /**
   * While the text is being edited, nothing is laid out ahead: every keystroke then
   * costs more with the whole text laid out (measured: main-thread work per keystroke in
   * a text with 5,000 highlights rose by a third or more), so blocks go back to being laid out only
   * near the view, and are laid out ahead again once editing ends.
   */
  setEditing(on: boolean): void {
    if (on === this.editing) return;
    this.editing = on;
    if (on) {
      this.cancel();
      this.ranges = [];
      this.style.textContent = '';
      this.setDone(false);
    } else this.reset();
  }

  /** The text changed (reloaded in place): blocks may have been added, so lay out what is new. */
  changed(): void {
    if (!this.done || this.editing) return;
    this.setDone(false);
    this.schedule();
  }

  destroy(): void {
    this.cancel();
    this.style.remove();
    this.target.scroller.removeEventListener('scroll', this.onScroll);
  }

  private setDone(done: boolean): void {
    if (this.done === done) return;
    this.done = done;
    this.target.status?.(done);
  }

  private cancel(): void {
    if (this.idle) cancelIdleCallback(this.idle);
    clearTimeout(this.timer);
    this.idle = this.timer = 0;
  }

  private schedule(): void {
    if (this.idle || this.timer || this.done || this.editing) return;
    const wait = lastInput + QUIET_MS - performance.now();
    if (wait > 0) this.timer = window.setTimeout(() => ((this.timer = 0), this.schedule()), wait);
    else
      this.idle = requestIdleCallback((deadline) => ((this.idle = 0), this.step(deadline)), { timeout: IDLE_WAIT_MS });
  }

  private step(deadline: IdleDeadline): void {
    const doc = this.target.doc();
    if (!doc) return;
    while (!this.done && !this.editing) {
      if (performance.now() < lastInput + QUIET_MS) break;
      // A busy page leaves short idle periods: a short one takes a smaller step.
      // One that never comes (the browser gave no idle time for IDLE_WAIT_MS) takes a full
      // step as an ordinary task, once.
      const budget = deadline.didTimeout ? STEP_MS : Math.min(STEP_MS, deadline.timeRemaining() - 1);
      if (budget < MIN_STEP_MS || inputPending()) break;
      const blocks = Math.max(1, Math.round((this.perStep * budget) / STEP_MS));
      if (!this.grow(doc, doc.childElementCount, blocks)) {
        this.setDone(true);
        break;
      }
      const started = performance.now();
      this.style.textContent = this.rule();
      // Lay the newly named blocks out now, in idle time, not in the next frame.
      void doc.offsetHeight;
      const took = performance.now() - started;
      this.ownTop = this.target.scroller.scrollTop;
      // Blocks that fit in STEP_MS at this step's pace, at most twice as many as before.
      const fit = (blocks * STEP_MS) / Math.max(0.5, took);
      this.perStep = Math.max(1, Math.min(256, 2 * this.perStep, Math.round(fit)));
      if (deadline.didTimeout) break;
    }
    this.schedule();
  }

  /** Widens the range around the reading place by `blocks`; false when every block is in. */
  private grow(doc: HTMLElement, count: number, blocks: number): boolean {
    if (covers(this.ranges, count)) return false;
    this.ranges = widen(this.ranges, this.firstVisible(doc, count), count, blocks);
    return true;
  }

  /** The 1-based place of the first block at or below the top of the scroller's view. */
  private firstVisible(doc: HTMLElement, count: number): number {
    const top = this.target.scroller.getBoundingClientRect().top;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.children[mid].getBoundingClientRect().bottom <= top) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  /** The stylesheet naming the laid-out blocks. */
  private rule(): string {
    if (!this.ranges.length) return '';
    const selectors = this.ranges.map(
      ([from, to]) => `${this.target.docSelector} > :is(${BLOCK_TAGS}):nth-child(n + ${from}):nth-child(-n + ${to})`,
    );
    // The containment `content-visibility: auto` gives, so a laid-out block looks the same.
    return `${selectors.join(',\n')} {\n  content-visibility: visible;\n  contain: layout style paint;\n}\n`;
  }
}
