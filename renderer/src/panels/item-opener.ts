/**
 * Opening what a place in a pane carries — an annotation, links, suggestions — from a
 * click or from the cursor (Enter / Alt+Enter): the one thing directly, several through
 * a chooser that lists them.
 */
import type { DocumentSummary } from '../../../common/model';
import { itemsAt, type ItemsAt } from '../editor';
import { clip, docLabel as docLabelOf } from '../labels';
import type { Linker } from '../links/linker';
import type { LinkModel } from '../links/link-model';
import type { Pane } from '../panes/pane';
import type { Annotator } from './annotator';
import { ItemChooser, type ChooserItem } from './item-chooser';
import type { SuggestionsView } from './suggestions-view';

export interface ItemOpenerHost {
  annotator: Annotator;
  links: LinkModel;
  linker: Linker;
  suggestions: SuggestionsView;
  documents(): DocumentSummary[];
  activePane(): Pane | undefined;
  notify(message: string): void;
  /**
   * Whether the analyst is reading by the caret (the counterparts panel is open and answers
   * for where it lands): then a click on text that carries only suggestions places the caret.
   */
  readingByCaret(): boolean;
}

export class ItemOpener {
  readonly chooser = new ItemChooser();

  constructor(private readonly host: ItemOpenerHost) {}

  /** A click on text carrying several things. */
  clicked(pane: Pane, items: ItemsAt, event: MouseEvent): boolean {
    if (pane.editing || !window.getSelection()?.isCollapsed) return false;
    // Suggestions tint most of a text after Align: reading by the caret, a click on them is a
    // place to read from (their cards stay a key away: Enter, F8, the Review queue).
    const onlySuggestions = !items.annotations.length && !items.links.length;
    if (onlySuggestions && this.host.readingByCaret()) return false;
    this.openItems(pane, items, new DOMRect(event.clientX, event.clientY, 1, 1));
    return true;
  }

  /** Opens the one thing at a place, or offers a chooser when there are several. */
  openItems(pane: Pane, items: ItemsAt, near: DOMRect): void {
    const label = (id: string) => this.host.documents().find((d) => d.id === id);
    const choices: ChooserItem[] = [
      ...items.annotations.flatMap((id) => {
        const a = this.host.annotator.model.annotations.find((x) => x.id === id);
        return a
          ? [
              {
                kind: 'annotation' as const,
                chip: a.tags.map((t) => this.host.annotator.model.tagName(t)).join(', ') || 'Note',
                chipClass: 'chip-annotation',
                text: clip(a.note || a.quote.exact, 90),
                open: () => this.host.annotator.open(id, near),
              },
            ]
          : [];
      }),
      ...items.links.flatMap((id) => {
        const l = this.host.links.get(id);
        if (!l) return [];
        const others = l.ends.filter((e) => e.doc !== pane.docId).map((e) => docLabelOf(label(e.doc), e.doc));
        return [
          {
            kind: 'link' as const,
            chip: `link · ${l.relation}`,
            chipClass: `lk lk-${l.relation}`,
            text: `with ${[...new Set(others)].join(', ') || 'this text'}${l.note ? ` — ${clip(l.note, 60)}` : ''}`,
            open: () => this.host.linker.open(id, near),
          },
        ];
      }),
      ...items.suggestions.flatMap((id) => {
        const s = this.host.suggestions.get(id);
        if (!s) return [];
        const other = s.a.doc === pane.docId ? s.b : s.a;
        return [
          {
            kind: 'suggestion' as const,
            chip: `suggested · ${s.relation}`,
            chipClass: `sg sg-${s.relation}`,
            text: `${docLabelOf(label(other.doc), other.doc)}: “${clip(other.text, 70)}”`,
            open: () => this.host.suggestions.open(pane, id, near),
          },
        ];
      }),
    ];
    if (choices.length === 1) choices[0].open();
    else if (choices.length > 1) this.chooser.open(choices, near);
  }

  /** Opens the annotation, link or suggestion at the cursor of the active pane (Alt+Enter, or Enter while reading). */
  openAtCaret(): boolean {
    const pane = this.host.activePane();
    const view = pane?.editorView();
    if (!pane || !view) return false;
    const sel = window.getSelection();
    let pos = view.state.selection.from;
    if (sel?.focusNode && view.dom.contains(sel.focusNode)) {
      try {
        pos = view.posAtDOM(sel.focusNode, sel.focusOffset);
      } catch {
        /* keep the editor's own selection */
      }
    }
    const node = view.domAtPos(pos).node;
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const items = itemsAt(view.state, pos, element);
    const count = items.annotations.length + items.links.length + items.suggestions.length;
    if (!count) {
      this.host.notify('Nothing to open at the cursor: move it onto a highlighted, linked or suggested passage.');
      return false;
    }
    const c = view.coordsAtPos(pos);
    this.openItems(pane, items, new DOMRect(c.left, c.top, 1, c.bottom - c.top));
    return true;
  }
}
