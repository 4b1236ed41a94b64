/**
 * Regression (found by roundtrip.property.test.ts): Footnote marked claims and clips inside
 * contenteditable regions, so a mark could end up in what a reader types and saves. Editors
 * (contenteditable, textbox roles, CodeMirror, Monaco, Ace, design-mode documents) hold no text
 * for Footnote: nothing is read there, so nothing is marked or clipped there, also when the page
 * changes a block inside an editor and that block is read on its own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/page/anchor/describe';
import { readPageText } from '@/lib/page/anchor/page-text';
import { markClaims } from '@/lib/page/highlight';
import { createPageScanner } from '@/lib/page/highlight-scanner';
import { buildTextMap, insideEditable, isEditable } from '@/lib/page/text-map';

const CLAIM = 'One columnist wrote that GP surgeries had been closed to patients for a year.';

function dom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

afterEach(() => {
  document.designMode = 'off';
});

describe('editable regions hold no text for Footnote', () => {
  it.each([
    ['contenteditable', '<div contenteditable>EDIT</div>'],
    ['contenteditable="true"', '<div contenteditable="true"><p>EDIT</p></div>'],
    ['contenteditable="plaintext-only"', '<div contenteditable="plaintext-only">EDIT</div>'],
    ['contenteditable in upper case', '<div contenteditable="TRUE">EDIT</div>'],
    ['a textbox role', '<div role="textbox" aria-multiline="true">EDIT</div>'],
    ['CodeMirror 5', '<div class="CodeMirror cm-s-default"><pre class="CodeMirror-line"><span>EDIT</span></pre></div>'],
    ['CodeMirror 6', '<div class="cm-editor ͼ1"><div class="cm-scroller"><div class="cm-content">EDIT</div></div></div>'],
    ['Monaco', '<div class="monaco-editor no-user-select vs"><div class="view-lines"><div class="view-line"><span>EDIT</span></div></div></div>'],
    ['Ace', '<div class="ace_editor ace-tm"><div class="ace_line">EDIT</div></div>'],
    ['an island marked contenteditable="false" inside an editor', '<div contenteditable><span contenteditable="false">EDIT</span></div>'],
  ])('%s is left out of the text map', (_name, html) => {
    const root = dom(`<p>Before.</p>${html}<p>After.</p>`);
    const text = buildTextMap(root).text;
    expect(text).toBe('Before.\nAfter.\n');
  });

  it('contenteditable="false" outside any editor is ordinary text', () => {
    const root = dom('<p contenteditable="false">Plain.</p>');
    expect(buildTextMap(root).text).toBe('Plain.\n');
    expect(isEditable(root.firstElementChild!)).toBe(false);
  });

  it('a block inside an editor, read on its own (a changed block), has no text', () => {
    const root = dom(`<div contenteditable><section><p>${CLAIM}</p></section></div>`);
    const p = root.querySelector('p')!;
    expect(insideEditable(p)).toBe(true);
    expect(buildTextMap(p).text).toBe('');
    expect(buildTextMap(p.firstChild!).text).toBe('');
  });

  it('a document in design mode has no text for Footnote', () => {
    const root = dom(`<p>${CLAIM}</p>`);
    document.designMode = 'on';
    expect(buildTextMap(root).text).toBe('');
    expect(buildTextMap(document).text).toBe('');
    document.designMode = 'off';
    expect(buildTextMap(root).text).toBe(`${CLAIM}\n`);
  });

  it('the highlighter finds no claim in an editor the page adds to its article', async () => {
    const html = readFileSync(resolve(import.meta.dirname, '../fixtures/articles/000-gponline-vote-no-confidence.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scanner = createPageScanner();
    const article = (await scanner.scanDocument(doc, async () => {})).article;
    const body = doc.querySelector('.article-body')!;

    const ordinary = doc.createElement('p');
    ordinary.textContent = CLAIM;
    body.append(ordinary);
    const control = scanner.scanFragment!(ordinary, article);
    expect(control !== null && control !== 'rescan' && control.claims.filter((c) => c.highlight).length).toBe(1);

    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.innerHTML = `<p>${CLAIM}</p>`;
    body.append(editor);
    for (const block of [editor, editor.firstElementChild!]) {
      const result = scanner.scanFragment!(block, article);
      const claims = result === null || result === 'rescan' ? [] : result.claims;
      expect(claims).toEqual([]);
      if (result && result !== 'rescan') expect(markClaims(result.map, result.claims, { shortOf: () => 'x' })).toEqual([]);
    }
    expect(editor.querySelector('footnote-mark')).toBeNull();
  });

  it('a selection inside an editor is not clipped', () => {
    const root = dom(`<p>Before.</p><div contenteditable><p>${CLAIM}</p></div>`);
    const text = root.querySelector('[contenteditable] p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 30);
    const described = describeRange(readPageText(document.body), range);
    expect(described.ok).toBe(false);
  });
});
