/**
 * The renderer's copy of the codebook and the annotations, loaded through the
 * contract and refreshed after every change. Tag colours become a small stylesheet of
 * classes per tag (a swatch, and a highlight's first, second and third layer), so
 * highlights are styled by class.
 */
import type { Annotation, Tag } from '../../../common/model';
import { call } from '../bridge';
import type { AnnotationMark } from '../editor/annotations';

export class AnnotationModel {
  tags: Tag[] = [];
  usage: Record<string, number> = {};
  annotations: Annotation[] = [];
  private readonly listeners = new Set<() => void>();
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
    this.style.textContent = this.tags
      .map(
        (t) =>
          `.swatch-${t.id}{--tag-color:${t.color}}\n` +
          [1, 2, 3].map((layer) => `.an.an-l${layer}-${t.id}{--c${layer}:${t.color}}`).join('\n'),
      )
      .join('\n');
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
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
    return this.annotations
      .filter((a) => a.doc === docId && a.revision === revision && !a.orphan)
      .map((a) => ({
        id: a.id,
        start: a.start,
        end: a.end,
        tags: a.tags,
        title: this.describe(a),
      }));
  }
}
