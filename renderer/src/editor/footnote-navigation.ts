/** Clicking a footnote marker scrolls its pane to the note and marks it briefly. */
import { Plugin, PluginKey } from 'prosemirror-state';

export const footnoteNavigationKey = new PluginKey('footnoteNavigation');

export function footnoteNavigation(): Plugin {
  return new Plugin({
    key: footnoteNavigationKey,
    props: {
      handleDOMEvents: {
        click(view, event) {
          const target = event.target as HTMLElement | null;
          const ref = target?.closest?.('sup.pm-fnref') as HTMLElement | null;
          if (!ref) return false;
          const label = ref.dataset.label ?? '';
          const note = view.dom.querySelector<HTMLElement>(`li.pm-footnote[data-label="${CSS.escape(label)}"]`);
          if (!note) return false;
          note.scrollIntoView({ block: 'center' });
          note.classList.add('pm-footnote-flash');
          setTimeout(() => note.classList.remove('pm-footnote-flash'), 1500);
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
