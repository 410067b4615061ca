/** Boots the renderer: opens the workspace and shows its panes. */
import './styles/app.css';
import './styles/align.css';
import './styles/annotations.css';
import './styles/overviews.css';
import './styles/overview-views.css';
import './styles/io.css';
import './styles/links.css';
import './styles/compare.css';
import { call } from './bridge';
import { bindCommands } from './commands';
import { h } from './dom';
import { Notices } from './notices';
import { WorkspaceView } from './panes/workspace-view';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  const notices = new Notices();
  try {
    const workspace = await call('getWorkspace', {});
    const view = new WorkspaceView(workspace, notices);
    root.replaceChildren(view.element);
    bindCommands(view);
    for (const notice of workspace.notices) notices.show(notice, 'error');
    window.addEventListener('beforeunload', (event) => {
      if (view.hasUnsavedChanges()) event.preventDefault();
    });
    await view.load();
    document.title = `${workspace.name} — Parallax`;
  } catch (err) {
    root.replaceChildren(
      h(
        'div',
        { class: 'boot-error', role: 'alert' },
        h('h1', {}, 'Parallax could not open the workspace'),
        h('p', {}, (err as Error).message),
        h('p', {}, 'If Parallax runs in your browser, open the address printed by "npm start" again.'),
      ),
    );
  } finally {
    root.removeAttribute('aria-busy');
  }
}

void boot();
