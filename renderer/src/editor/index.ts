/**
 * Editor state for a pane: the shared schema, history, keys, and the plugins that make
 * a long read-only text navigable (footnote markers jump to their notes; links open
 * outside the app).
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Plugin } from 'prosemirror-state';
import type { NodeJSON } from '../../../common/model';
import { schema } from '../../../common/schema';
import { footnoteNavigation } from './footnote-navigation';
import { externalLinks } from './external-links';
import type { EditorView } from 'prosemirror-view';
import { annotations } from './annotations';
import { suggestions } from './suggestions';
import { passageMarks } from './passage-marks';

export { schema };

/** What a pane hooks into its editor. */
export interface PaneEditorOptions {
  /** A click on annotated text; return true when handled. */
  onAnnotationClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean;
  /** A click on a suggested passage outside any annotation; return true when handled. */
  onSuggestionClick?: (view: EditorView, ids: string[], event: MouseEvent) => boolean;
}

/** Plugins every pane uses, in order. */
export function panePlugins(options: PaneEditorOptions = {}): Plugin[] {
  return [
    history(),
    keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
    keymap(baseKeymap),
    footnoteNavigation(),
    externalLinks(),
    // Annotations take the click first: a tagged passage opens its annotation.
    suggestions((view, ids, event) => {
      if ((event.target as Element | null)?.closest?.('.an')) return false;
      return options.onSuggestionClick?.(view, ids, event) ?? false;
    }),
    annotations(options.onAnnotationClick),
    passageMarks(),
  ];
}

/** Creates the state of a pane from a stored document. */
export function createPaneState(doc: NodeJSON, options: PaneEditorOptions = {}): EditorState {
  return EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: panePlugins(options) });
}
