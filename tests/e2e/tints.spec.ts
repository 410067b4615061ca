import { test, expect } from './fixtures';
import { align, callHost } from './api';

// Browser globals, used only inside functions that run in the page.
declare const document: any;
declare const getComputedStyle: any;

test('a tag keeps its colour where a suggestion tints the same text', async ({ page, host }) => {
  await align(host);
  const { suggestions } = await callHost<{
    suggestions: { a: { doc: string; start: number; end: number; revision?: number } }[];
  }>(host, 'listSuggestions', {});
  const { a } = suggestions[0];
  const { revision } = await callHost<{ revision: number }>(host, 'getDocument', { id: a.doc });
  const tag = await callHost<{ id: string }>(host, 'createTag', { name: 'Sanctions timing', color: '#d4572e' });
  await callHost(host, 'createAnnotation', { doc: a.doc, revision, start: a.start, end: a.end, tags: [tag.id] });
  await page.goto(host.url);
  await expect(page.locator('.pane .pm-doc')).toHaveCount(4);
  const tinted = page.locator('.pm-doc .an[class*="sg-"]:not(.sg-focus)').first();
  await expect(tinted).toBeVisible();
  // The same tag's fill on text no suggestion touches, for comparison.
  const colours = await tinted.evaluate((el: any) => {
    const probe = document.createElement('span');
    probe.className = [...el.classList].filter((c: string) => !c.startsWith('sg-')).join(' ');
    probe.textContent = 'x';
    const doc = document.createElement('div');
    doc.className = 'pm-doc';
    doc.append(probe);
    document.body.append(doc);
    const plain = getComputedStyle(probe).backgroundColor;
    doc.remove();
    return { tinted: getComputedStyle(el).backgroundColor, plain };
  });
  expect(colours.tinted).toBe(colours.plain);
});
