/** Every export format: its file extension, its name for menus, and how to write it. */
import type { ExportFormat } from '../../../common/api';
import { exportCsv } from './csv';
import type { ExportModel, Progress } from './model';
import { exportQdpx } from './qdpx';
import { buildReport } from './report/sections';
import { renderDocx } from './report/docx';
import { renderHtml } from './report/html';
import { renderMarkdown } from './report/markdown';
import { exportW3c } from './w3c';

export interface FormatSpec {
  extension: string;
  label: string;
  write(model: ExportModel, progress?: Progress): Promise<Uint8Array | string>;
}

export const EXPORT_FORMATS: Record<ExportFormat, FormatSpec> = {
  csv: { extension: 'csv', label: 'CSV table (Excel, LibreOffice)', write: exportCsv },
  json: { extension: 'json', label: 'W3C Web Annotations (JSON-LD)', write: exportW3c },
  html: {
    extension: 'html',
    label: 'Report (HTML)',
    write: async (model) => renderHtml(model.name, buildReport(model)),
  },
  docx: {
    extension: 'docx',
    label: 'Report (Word)',
    write: (model) => renderDocx(model.name, buildReport(model)),
  },
  md: { extension: 'md', label: 'Report (Markdown)', write: async (model) => renderMarkdown(buildReport(model)) },
  qdpx: { extension: 'qdpx', label: 'REFI-QDA project (ATLAS.ti, MAXQDA, NVivo, QualCoder)', write: exportQdpx },
};

/** A file name for an export: the workspace's name and the time, e.g. "japan-russia-2026-11-22-0315.csv". */
export function exportFileName(workspaceName: string, format: ExportFormat, now = new Date()): string {
  const slug =
    workspaceName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'parallax';
  const stamp = now
    .toISOString()
    .slice(0, 16)
    .replace(/[-:T]/g, (c) => (c === 'T' ? '-' : c === ':' ? '' : '-'));
  return `${slug}-${stamp}.${EXPORT_FORMATS[format].extension}`;
}
