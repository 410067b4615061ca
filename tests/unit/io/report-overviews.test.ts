import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../../main/services/export/service';
import { annotate, openFixture, tempDir, TEXT_A, type Fixture } from './helpers';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

async function markdown(): Promise<string> {
  const path = join(tempDir(), 'out.md');
  await exportWorkspace(f!.store, 'md', path);
  return readFileSync(path, 'utf8');
}

describe('the overviews in the report', () => {
  it('adds the synopsis grid (named rows, stances, tag rows) and the agreement table', async () => {
    f = await openFixture();
    const { tag } = await annotate(f);
    const a = TEXT_A.join('\n\n');
    const start = a.indexOf('engagement, resilience');
    await f.call('createLink', {
      relation: 'agree',
      ends: [
        { doc: 'doc-a', revision: 0, start, end: start + 'engagement, resilience'.length },
        { doc: 'doc-b', revision: 0, start: 0, end: 'Japan did not join'.length },
      ],
    });
    // The agreement overlaps the conflict's passage in doc-b: one topic, which the analyst names.
    const { links } = await f.call('listLinks', {});
    await f.call('nameTopic', { order: [{ links: links.map((l) => l.id) }], index: 0, name: 'Speed of sanctions' });
    await f.call('addTagTopic', { tag: tag.id });
    const md = await markdown();
    const section = (title: string) => md.split(`## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
    const synopsis = section('Synopsis');
    expect(synopsis).toContain('| Topic | Lee 2022 | Kim & Dee 2023 |');
    // Markdown escapes the # of a tag row's name.
    const [named, tagRow] = synopsis.split('\n').filter((l) => l.startsWith('| **'));
    expect(named).toMatch(/^\| \*\*Speed of sanctions\*\* \| .*Japan joined them quickly.*conflicts with Kim & Dee/);
    expect(named).toMatch(/engagement, resilience.*agrees with Kim & Dee/);
    expect(named).toMatch(/\| .*Japan did not join the sanctions quickly.*conflicts with Lee.*\|$/);
    expect(tagRow).toMatch(/^\| \*\*\\#Timing\*\* \| .*deterrence toward Russia.* · .*followed the invasion/);
    const agreement = section('Agreement between authors');
    expect(agreement).toContain('| **Lee** | – | 1 / 1 |');
    expect(agreement).toContain('| **Kim & Dee** | 1 / 1 | – |');
  });

  it('leaves the sections out of a workspace without links', async () => {
    f = await openFixture();
    const md = await markdown();
    expect(md).not.toMatch(/^## (Synopsis|Agreement between authors)$/m);
  });

  it('writes emphasis a Markdown reader shows as emphasis, never as stray asterisks', async () => {
    f = await openFixture();
    await annotate(f);
    const a = TEXT_A.join('\n\n');
    const start = a.indexOf('engagement, resilience');
    await f.call('createLink', {
      relation: 'conflict',
      note: 'Both speak of speed; they disagree.',
      ends: [
        { doc: 'doc-a', revision: 0, start, end: start + 'engagement, resilience'.length },
        { doc: 'doc-b', revision: 0, start: 0, end: 'Japan did not join'.length },
      ],
    });
    const md = await markdown();
    const html = new MarkdownIt().render(md);
    const text = html.replace(/<[^>]*>/g, '');
    expect(text).not.toContain('*');
    expect(html).toMatch(/<(strong|em)>/);
  });
});
