/**
 * Keeps the panes readable in a narrow window. Panes share the width down to a
 * readable minimum; when the docked side panel would squeeze them below it, the panel
 * collapses (and comes back when the window widens again). Opening it while the window
 * is narrow is the analyst's choice: it then lies over the panes instead of beside them.
 */

/** Narrowest a pane may get: about 200 px of text beside its ruler, margins and border. */
export const MIN_PANE_WIDTH = 236;
/** The space between panes (where the connector curves run), at its narrowest. */
export const MIN_GUTTER = 12;
/** The side panel's width when docked. */
export const PANEL_WIDTH = 320;

export interface LayoutParts {
  workArea: HTMLElement;
  panes: HTMLElement;
  panel: HTMLElement;
  /** The toolbar button that shows the panel; kept in step when the panel collapses. */
  panelButton: HTMLElement;
  paneCount(): number;
}

export class PaneLayout {
  private narrow = false;
  private autoCollapsed = false;
  private readonly observer: ResizeObserver;

  constructor(private readonly parts: LayoutParts) {
    parts.panes.style.setProperty('--pane-min', `${MIN_PANE_WIDTH}px`);
    this.observer = new ResizeObserver(() => this.update());
    this.observer.observe(parts.workArea);
  }

  /** Width the panes need to stay readable with the panel docked beside them. */
  private neededWidth(): number {
    const n = this.parts.paneCount();
    return n * MIN_PANE_WIDTH + (n + 1) * MIN_GUTTER + PANEL_WIDTH;
  }

  /** Re-decides between docking and collapsing the panel (after a resize or a pane count change). */
  update(): void {
    const narrow = this.parts.workArea.clientWidth < this.neededWidth();
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.parts.workArea.classList.toggle('is-narrow', narrow);
    const { panel, panelButton } = this.parts;
    if (narrow && !panel.hidden) {
      panel.hidden = true;
      this.autoCollapsed = true;
    } else if (!narrow && this.autoCollapsed) {
      panel.hidden = false;
      this.autoCollapsed = false;
    }
    panelButton.setAttribute('aria-pressed', String(!panel.hidden));
  }

  destroy(): void {
    this.observer.disconnect();
  }
}
