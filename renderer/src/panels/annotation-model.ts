/**
 * The renderer's copy of the codebook and the annotations, loaded through the contract
 * and then kept up to date from the result of each call (an annotation created or
 * changed is put in place, a deleted one removed, a new or edited tag applied) rather
 * than by reading everything again; actions that reach many records (deleting or
 * merging tags, undo) load it anew. Listeners hear what changed, so a pane redraws one
 * annotation instead of all. Tag colours become a small stylesheet of classes per tag
 * (a swatch, and a highlight's first, second and third layer), so highlights are
 * styled by class.
 */
import type { Annotation, Tag } from '../../../common/model';
import { call } from '../bridge';
import type { AnnotationMark } from '../editor/annotations';

/** What changed: everything (a load, a codebook change), one annotation put in place, or one removed. */
export type AnnotationChange =
  { kind: 'all' } | { kind: 'apply'; annotation: Annotation } | { kind: 'remove'; id: string };

export class AnnotationModel {
  tags: Tag[] = [];
  /** How many annotations and links use each tag. */
  usage: Record<string, number> = {};
  annotations: Annotation[] = [];
  private readonly listeners = new Set<(change: AnnotationChange) => void>();
  private readonly style = document.createElement('style');

  constructor() {
    this.style.id = 'tag-colours';
    document.head.append(this.style);
  }

  /** Loads codebook and annotations and tells every listener. */
  async load(): Promise<void> {
    const [codebook, list] = await Promise.all([call('getCodebook', {}), call('listAnnotations', {})]);
    this.tags = codebook.tags;
    this.usage = codebook.usage;
    this.annotations = list.annotations;
    this.writeStyles();
    this.changed({ kind: 'all' });
  }

  /** Puts an annotation returned by a call in place (new or changed). */
  apply(annotation: Annotation): void {
    const at = this.annotations.findIndex((a) => a.id === annotation.id);
    this.count(at >= 0 ? this.annotations[at].tags : [], -1);
    this.count(annotation.tags, 1);
    if (at >= 0) this.annotations[at] = annotation;
    else this.annotations.push(annotation);
    this.changed({ kind: 'apply', annotation });
  }

  /** Removes an annotation a call deleted. */
  remove(id: string): void {
    const at = this.annotations.findIndex((a) => a.id === id);
    if (at < 0) return;
    this.count(this.annotations[at].tags, -1);
    this.annotations.splice(at, 1);
    this.changed({ kind: 'remove', id });
  }

  /** Puts a tag returned by a call in place (new, renamed, recoloured, moved). */
  applyTag(tag: Tag): void {
    const at = this.tags.findIndex((t) => t.id === tag.id);
    if (at >= 0) this.tags[at] = tag;
    else this.tags.push(tag);
    this.writeStyles();
    // Hover texts and lists name tags: every view that shows one redraws.
    this.changed({ kind: 'all' });
  }

  private count(tags: string[], by: 1 | -1): void {
    for (const t of tags) this.usage[t] = Math.max(0, (this.usage[t] ?? 0) + by);
  }

  private writeStyles(): void {
    this.style.textContent = this.tags
      .map(
        (t) =>
          `.swatch-${t.id}{--tag-color:${t.color}}\n` +
          [1, 2, 3].map((layer) => `.an.an-l${layer}-${t.id}{--c${layer}:${t.color}}`).join('\n'),
      )
      .join('\n');
  }

  /** Calls `listener` after every change, saying what changed. */
  onChange(listener: (change: AnnotationChange) => void): void {
    this.listeners.add(listener);
  }

  private changed(change: AnnotationChange): void {
    for (const listener of this.listeners) listener(change);
  }

  tag(id: string): Tag | undefined {
    return this.tags.find((t) => t.id === id);
  }

  tagName(id: string): string {
    return this.tag(id)?.name ?? id;
  }

  /** Tags in tree order (parents before their children) with their depth. */
  tree(): { tag: Tag; depth: number }[] {
    const out: { tag: Tag; depth: number }[] = [];
    const ids = new Set(this.tags.map((t) => t.id));
    const visit = (parent: string | null, depth: number) => {
      const children = this.tags
        .filter((t) => (t.parentId && ids.has(t.parentId) ? t.parentId : null) === parent)
        .sort((a, b) => a.name.localeCompare(b.name));
      for (const t of children) {
        out.push({ tag: t, depth });
        if (depth < 20) visit(t.id, depth + 1);
      }
    };
    visit(null, 0);
    return out;
  }

  /** A tag and every tag nested under it. */
  withDescendants(id: string): Set<string> {
    const out = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of this.tags) {
        if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
          out.add(t.id);
          grew = true;
        }
      }
    }
    return out;
  }

  orphans(): Annotation[] {
    return this.annotations.filter((a) => a.orphan);
  }

  /** Hover text of an annotation: its tags and note. */
  describe(a: Annotation): string {
    const tags = a.tags.map((t) => this.tagName(t)).join(', ') || 'No tag';
    return a.note ? `${tags}\n${a.note}` : tags;
  }

  /** The highlights of a document at a revision. */
  marks(docId: string, revision: number): AnnotationMark[] {
    return this.annotations.filter((a) => shownIn(a, docId, revision)).map((a) => this.markOf(a));
  }

  /** The highlight of one annotation in a document at a revision, if it is drawn there. */
  markIn(a: Annotation, docId: string, revision: number): AnnotationMark | undefined {
    return shownIn(a, docId, revision) ? this.markOf(a) : undefined;
  }

  private markOf(a: Annotation): AnnotationMark {
    return { id: a.id, start: a.start, end: a.end, tags: a.tags, title: this.describe(a) };
  }
}

/** An annotation is drawn in the revision its range refers to, unless it lost its text. */
function shownIn(a: Annotation, docId: string, revision: number): boolean {
  return a.doc === docId && a.revision === revision && !a.orphan;
}
