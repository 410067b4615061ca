/**
 * Editor state for a pane: the shared schema, history, keys, and the plugins that make
 * a long read-only text navigable (footnote markers jump to their notes; links open
 * outside the app).
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState } from 'prosemirror-state';
import type { NodeJSON } from '../../../common/model';
import { schema } from '../../../common/schema';
import { footnoteNavigation } from './footnote-navigation';
import { externalLinks } from './external-links';
import type { EditorView } from 'prosemirror-view';
import { annotations } from './annotations';
import { suggestionKey, suggestions } from './suggestions';
import { links, linksAt } from './links';
import { caretBrowsing } from './caret-browsing';
import { Plugin } from 'prosemirror-state';

export { schema };

/** What a pane hooks into its editor. */
export interface PaneEditorOptions {
  /** A click on annotated text; return true when handled. */
  onAnnotationClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean;
  /** A click on a linked passage (innermost first); return true when handled. */
  onLinkClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean;
  /** A click on a suggested passage outside any annotation; return true when handled. */
  onSuggestionClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean;
  /**
   * A click on text carrying more than one kind of item, or several links or suggestions:
   * everything under it, innermost first (return true when handled, e.g. with a chooser).
   */
  onItemsClick?: (view: EditorView, items: ItemsAt, event: MouseEvent) => boolean;
  /** Enter in a read-only pane: open what is at the caret. */
  onOpenAtCaret?: (view: EditorView) => boolean;
}

/** What the text at one place carries: annotations, links and suggestions, innermost first. */
export interface ItemsAt {
  annotations: string[];
  links: string[];
  suggestions: string[];
}

/** The annotations, links and suggestions at a position (and, for annotations, the element clicked). */
export function itemsAt(state: EditorState, pos: number, target?: Element | null): ItemsAt {
  const stretch = target?.closest?.('.an') as HTMLElement | null | undefined;
  // The innermost annotation of the stretch clicked, as a click on a highlight opens it.
  const annotations = stretch?.dataset.annotations ? stretch.dataset.annotations.split(' ').slice(-1) : [];
  const found = (suggestionKey.getState(state)?.find(pos, pos) ?? []).filter(
    (d) => d.spec.suggestion && (d.from < pos || d.to > pos),
  );
  found.sort((x, y) => x.to - x.from - (y.to - y.from));
  return {
    annotations,
    links: linksAt(state, pos),
    suggestions: [...new Set(found.map((d) => d.spec.suggestion as string))],
  };
}

/** Takes a click first when the text under it carries more than one thing to open. */
function itemClicks(options: PaneEditorOptions): Plugin {
  return new Plugin({
    props: {
      handleClick(view, pos, event) {
        if (!options.onItemsClick) return false;
        const items = itemsAt(view.state, pos, event.target as Element | null);
        const count = items.annotations.length + items.links.length + items.suggestions.length;
        if (count <= 1) return false;
        return options.onItemsClick(view, items, event);
      },
    },
  });
}

/** Plugins every pane uses, in order. */
export function panePlugins(options: PaneEditorOptions = {}): Plugin[] {
  return [
    history(),
    keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
    keymap(baseKeymap),
    caretBrowsing(options.onOpenAtCaret),
    footnoteNavigation(),
    externalLinks(),
    // Mixed or several items under a click go to one chooser; else a link opens its card,
    // a tagged passage its annotation, a suggested one its card.
    itemClicks(options),
    links(options.onLinkClick),
    suggestions((view, ids, event) => {
      if ((event.target as Element | null)?.closest?.('.an')) return false;
      return options.onSuggestionClick?.(view, ids, event) ?? false;
    }),
    annotations(options.onAnnotationClick),
  ];
}

/** Creates the state of a pane from a stored document. */
export function createPaneState(doc: NodeJSON, options: PaneEditorOptions = {}): EditorState {
  return EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: panePlugins(options) });
}
