/**
 * File → Export…: pick a format, and the workspace is written (saved first) with a
 * progress bar; afterwards Parallax says where the file is and offers to open it or
 * show it in its folder.
 */
import type { ExportFormat, ExportJob } from '../../../common/api';
import { followExportJob } from '../panels/job-follower';
import { call, exportedFileUrl, transport } from '../bridge';
import { h } from '../dom';
import { sizeLabel } from './read-file';

const FORMATS: { format: ExportFormat; label: string; help: string }[] = [
  { format: 'html', label: 'Report — HTML', help: 'A standalone page with highlights; prints well.' },
  { format: 'docx', label: 'Report — Word (.docx)', help: 'The same report to edit in Word or LibreOffice.' },
  { format: 'md', label: 'Report — Markdown', help: 'The same report as plain text with Markdown.' },
  { format: 'csv', label: 'Table — CSV', help: 'One row per annotation, link and suggestion; opens in Excel.' },
  { format: 'json', label: 'W3C Web Annotations (JSON-LD)', help: 'For annotation tools; imports back into Parallax.' },
  { format: 'qdpx', label: 'REFI-QDA project (.qdpx)', help: 'For ATLAS.ti, MAXQDA, NVivo, QualCoder.' },
];

import type { Notices } from '../notices';

export class ExportDialog {
  readonly element: HTMLDialogElement;
  readonly button: HTMLButtonElement;
  private readonly progress = h('progress', { class: 'export-progress', max: '1', value: '0', hidden: true });
  private readonly message = h('p', { class: 'details-info', role: 'status' });
  private readonly go = h('button', { type: 'submit', class: 'primary' }, 'Export');
  private running = false;

  constructor(private readonly notices: Notices) {
    const choices = FORMATS.map((f, i) =>
      h(
        'label',
        { class: 'export-choice' },
        h('input', { type: 'radio', name: 'format', value: f.format, checked: i === 0 }),
        h('span', {}, h('strong', {}, f.label), h('small', {}, f.help)),
      ),
    );
    const cancel = h('button', { type: 'button' }, 'Close');
    cancel.addEventListener('click', () => this.element.close());
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, 'Export'),
      h(
        'p',
        { class: 'io-help' },
        'Annotations, links, suggestions not yet decided, the codebook and the contradictions.',
      ),
      h('fieldset', { class: 'export-formats' }, h('legend', {}, 'Format'), ...choices),
      this.progress,
      this.message,
      h('div', { class: 'dialog-actions' }, cancel, this.go),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name="format"]:checked');
      if (chosen) void this.run(chosen.value as ExportFormat);
    });
    this.element = h('dialog', { class: 'io-dialog export-dialog', 'aria-label': 'Export' }, form);
    this.button = h(
      'button',
      { type: 'button', class: 'export', title: 'Export a report, a table or a project file (Ctrl+Shift+E)' },
      'Export…',
    );
    this.button.addEventListener('click', () => this.open());
  }

  open(): void {
    this.message.textContent = '';
    this.progress.hidden = true;
    if (!this.element.open) this.element.showModal();
    this.element.querySelector<HTMLInputElement>('input[name="format"]:checked')?.focus();
  }

  private async run(format: ExportFormat): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.go.disabled = true;
    this.message.textContent = 'Exporting…';
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    try {
      const job: ExportJob = await followExportJob(await call('startExport', { format }), (running) => {
        if (running.total > 0) {
          this.progress.max = running.total;
          this.progress.value = running.done;
        }
      });
      if (job.state === 'cancelled') {
        this.message.textContent = '';
        this.progress.hidden = true;
        return;
      }
      if (job.state === 'failed') throw new Error(job.error ?? 'The export failed.');
      this.element.close();
      this.done(job);
    } catch (err) {
      this.progress.hidden = true;
      this.message.textContent = (err as Error).message;
    } finally {
      this.running = false;
      this.go.disabled = false;
    }
  }

  private done(job: ExportJob): void {
    const where = `Exported ${job.fileName} (${sizeLabel(job.bytes ?? 0)}) to ${job.path}`;
    const action =
      transport === 'electron'
        ? { label: 'Show in folder', run: () => void call('revealExport', { id: job.id }) }
        : { label: 'Open', run: () => void window.open(exportedFileUrl(job.fileName ?? ''), '_blank', 'noopener') };
    this.notices.show(where, 'info', action);
  }
}
