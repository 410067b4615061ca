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
import { suggestions } from './suggestions';

export { schema };

/** Plugins every pane uses, in order. */
export function panePlugins(): Plugin[] {
  return [
    history(),
    keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
    keymap(baseKeymap),
    footnoteNavigation(),
    externalLinks(),
    suggestions(),
  ];
}

/** Creates the state of a pane from a stored document. */
export function createPaneState(doc: NodeJSON): EditorState {
  return EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: panePlugins() });
}
