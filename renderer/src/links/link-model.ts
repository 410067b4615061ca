/**
 * The renderer's copy of the workspace's links, loaded through the contract and kept up
 * to date from the results of each call (a created or changed link is applied, a deleted
 * one removed) rather than by reloading everything. Views subscribe with `onChange`,
 * which says what changed, so a pane can redraw one link instead of all of them.
 */
import type { Link, LinkEnd } from '../../../common/model';
import { call } from '../bridge';

/** What changed: everything (a load), one link put in place, or one link removed. */
export type LinkChange = { kind: 'all' } | { kind: 'apply'; link: Link } | { kind: 'remove'; id: string };

export class LinkModel {
  links: Link[] = [];
  private readonly listeners = new Set<(change: LinkChange) => void>();

  /** Loads every link and tells every listener. */
  async load(): Promise<void> {
    this.links = (await call('listLinks', {})).links;
    this.changed({ kind: 'all' });
  }

  /** Puts a link returned by a call in place (new or changed). */
  apply(link: Link): void {
    const at = this.links.findIndex((l) => l.id === link.id);
    if (at >= 0) this.links[at] = link;
    else this.links.push(link);
    this.changed({ kind: 'apply', link });
  }

  /** Removes a link a call deleted. */
  remove(id: string): void {
    const before = this.links.length;
    this.links = this.links.filter((l) => l.id !== id);
    if (this.links.length !== before) this.changed({ kind: 'remove', id });
  }

  get(id: string): Link | undefined {
    return this.links.find((l) => l.id === id);
  }

  /** The link made from an accepted suggestion. */
  ofSuggestion(suggestionId: string): Link | undefined {
    return this.links.find((l) => l.suggestion === suggestionId);
  }

  /** The links with a passage in `docId`, with the index of each such passage. */
  ofDocument(docId: string): { link: Link; index: number; end: LinkEnd }[] {
    const found: { link: Link; index: number; end: LinkEnd }[] = [];
    for (const link of this.links) {
      link.ends.forEach((end, index) => {
        if (end.doc === docId) found.push({ link, index, end });
      });
    }
    return found;
  }

  /** Links with a passage that could not be found in the current text. */
  orphaned(): Link[] {
    return this.links.filter((l) => l.ends.some((e) => e.orphan));
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (change: LinkChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(change: LinkChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
