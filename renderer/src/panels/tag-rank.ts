/** How the tag finder orders tags for what the analyst typed (pure: no DOM). */
import type { Tag } from '../../../common/model';

/** A tag of the codebook tree with its depth. */
export interface TreeTag {
  tag: Tag;
  depth: number;
}

/**
 * The tags matching a query, best first: name starts with it, then a word of the name
 * does, then the name contains it, then only the description does. Without a query, the
 * whole tree in its order.
 */
export function rankTags(tree: TreeTag[], query: string): TreeTag[] {
  const q = query.trim().toLowerCase();
  if (!q) return tree;
  const rank = ({ tag }: TreeTag): number => {
    const name = tag.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/[\s\-–—/,&]+/).some((w) => w.startsWith(q))) return 1;
    if (name.includes(q)) return 2;
    if (tag.description.toLowerCase().includes(q)) return 3;
    return -1;
  };
  return tree
    .map((t, order) => ({ t, order, r: rank(t) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.order - b.order)
    .map((x) => x.t);
}
