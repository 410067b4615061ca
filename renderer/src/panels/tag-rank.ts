/** How the tag finder orders tags for what the analyst typed (pure: no DOM). */
import type { Tag } from '../../../common/model';
import { foldForSearch } from '../../../common/spelling';

/** A tag of the codebook tree with its depth. */
export interface TreeTag {
  tag: Tag;
  depth: number;
}

/**
 * Case, accents, dashes and punctuation folded away; each word as written and in American
 * spelling, so "defence", "defense" and a half-typed "defenc" all find "Defence spending".
 */
function forms(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const american = foldForSearch(text);
  return american === plain ? [plain] : [plain, american];
}

/** How well a name matches: starts with the query, a word of it does, it contains it; -1 when none. */
function nameRank(names: string[], queries: string[]): number {
  let best = -1;
  for (const name of names) {
    for (const q of queries) {
      const r = name.startsWith(q)
        ? 0
        : name.split(' ').some((_, i, words) => words.slice(i).join(' ').startsWith(q))
          ? 1
          : name.includes(q)
            ? 2
            : -1;
      if (r >= 0 && (best < 0 || r < best)) best = r;
    }
  }
  return best;
}

/**
 * The tags matching a query, best first: name starts with it, then a word of the name
 * does, then the name contains it, then only the description does. Without a query, the
 * whole tree in its order.
 */
export function rankTags(tree: TreeTag[], query: string): TreeTag[] {
  const queries = forms(query).filter(Boolean);
  if (!queries.length) return tree;
  const rank = ({ tag }: TreeTag): number => {
    const byName = nameRank(forms(tag.name), queries);
    if (byName >= 0) return byName;
    const description = forms(tag.description);
    if (description.some((d) => queries.some((q) => d.includes(q)))) return 3;
    return -1;
  };
  return tree
    .map((t, order) => ({ t, order, r: rank(t) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.order - b.order)
    .map((x) => x.t);
}

/**
 * The existing tag a new name would merely repeat (same words once case, accents, dashes
 * and spelling are folded: "russia-china alignment" for "Russia–China alignment").
 */
export function sameNamedTag(tags: readonly Tag[], name: string): Tag | undefined {
  const folded = foldForSearch(name);
  if (!folded) return undefined;
  return tags.find((t) => foldForSearch(t.name) === folded);
}
