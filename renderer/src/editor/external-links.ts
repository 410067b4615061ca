/**
 * Links in a text never navigate the app's own window: a web link opens in a new
 * browser window (Electron hands it to the system browser), anything else is ignored.
 */
import { Plugin, PluginKey } from 'prosemirror-state';

export const externalLinksKey = new PluginKey('externalLinks');

export function externalLinks(): Plugin {
  return new Plugin({
    key: externalLinksKey,
    props: {
      handleDOMEvents: {
        click(view, event) {
          const link = (event.target as HTMLElement | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
          if (!link) return false;
          event.preventDefault();
          // While editing, a click places the cursor; Ctrl/Cmd-click follows the link.
          if (view.editable && !(event.ctrlKey || event.metaKey)) return false;
          if (/^https?:\/\//i.test(link.href)) window.open(link.href, '_blank', 'noopener,noreferrer');
          return true;
        },
      },
    },
  });
}
