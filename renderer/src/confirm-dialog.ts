/**
 * Asks before an action that replaces the analyst's work: a modal dialog with a title,
 * an explanation and two buttons. Cancel has the focus, so Enter or Esc keeps the work;
 * the action needs a deliberate click (or Tab, Enter).
 */
import { h } from './dom';

/** What the dialog says. */
export interface ConfirmRequest {
  title: string;
  /** The question, in full. */
  question: string;
  /** What going ahead does besides (smaller). */
  message: string;
  /** The button that goes ahead (e.g. "Replace"). */
  confirm: string;
}

/** Shows the dialog; resolves true when the analyst chose to go ahead, false otherwise. */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const go = h('button', { type: 'button', class: 'danger' }, request.confirm);
  const dialog = h(
    'dialog',
    { class: 'io-dialog confirm-dialog', role: 'alertdialog', 'aria-label': request.title },
    h('h2', {}, request.title),
    h('p', { class: 'confirm-question' }, request.question),
    h('p', { class: 'io-help' }, request.message),
    h('div', { class: 'dialog-actions' }, cancel, go),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    go.addEventListener('click', () => finish(true));
    // Esc closes a modal dialog with a cancel event.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.showModal();
    cancel.focus();
  });
}

/** Asks whether to replace the edits made in Parallax to a text with its file's text (⟳). */
export function confirmReplaceEdits(title: string): Promise<boolean> {
  return confirmAction({
    title: 'Replace your edits?',
    question: `“${title}” has edits made in Parallax. Replace them with the text of its file?`,
    message: 'Annotations and links are found again in the file’s text. Ctrl+Z brings your edits back.',
    confirm: 'Replace',
  });
}
