/** Bringing the passages an overview points to into view in the panes. */
import type { Pane } from '../panes/pane';
import type { PassageTarget } from './widgets';

/**
 * Brings passages into view, each in its own pane where possible: a pane already showing
 * the document, else a pane not needed for another of the passages (the active one first)
 * switches to it. Each passage is marked and scrolled to the middle of its pane.
 */
export async function revealPassages(
  panes: Pane[],
  active: Pane | undefined,
  passages: PassageTarget[],
  notify: (message: string, kind?: 'info' | 'error') => void,
): Promise<void> {
  const used = new Set<Pane>();
  const plan: [Pane | undefined, PassageTarget][] = passages.map((p) => {
    const pane = panes.find((x) => x.docId === p.doc && !used.has(x));
    if (pane) used.add(pane);
    return [pane, p];
  });
  for (const step of plan) {
    if (step[0]) continue;
    const free = [active, ...panes].find((x) => x && !used.has(x));
    if (!free) break;
    used.add(free);
    await free.switchTo(step[1].doc);
    step[0] = free;
  }
  let missed = 0;
  for (const [pane, p] of plan) {
    if (pane && (pane.shownRevision !== p.revision || !pane.showPassage(p.start, p.end))) missed++;
  }
  const unshown = plan.filter(([pane]) => !pane).length;
  if (unshown) notify(`${unshown} of the passages could not be shown: add a pane (Ctrl+Alt+N) to see them all.`);
  else if (missed) notify('A passage is not in the text as it is now (it was edited since).', 'error');
}
