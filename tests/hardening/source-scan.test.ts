/**
 * No code of Footnote's own (components/, lib/, entrypoints/) turns a string into markup or code:
 * innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write, eval, new
 * Function, string timers, createContextualFragment, DOMParser, srcdoc, inline event-handler
 * attributes, executeScript with code. Read with the TypeScript parser, so comments and strings
 * that merely name these do not count. The few legitimate uses are listed below, each with why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DIRS = ['components', 'lib', 'entrypoints'];

interface Finding {
  file: string;
  line: number;
  what: string;
  code: string;
}

/** Exact legitimate uses: file, what, and the reason it is safe. Anything else fails. */
const ALLOWED: { file: string; what: string; why: string }[] = [];

/**
 * `import(chrome.runtime.getURL('/name.js'))` (or `browser.…`) loads one of the extension's own packaged scripts
 * (the page UI scripts loaded on first use): a URL the page cannot choose, so it is no sink.
 */
const OWN_SCRIPT = /^(?:browser|chrome)\.runtime\.getURL\(\s*['"`][\w./-]+\.js['"`]\s*\)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(?:tsx?|html)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const MARKUP_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'srcdoc', 'setHTMLUnsafe', 'parseHTMLUnsafe']);

function scanTs(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, what: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, what, code: node.getText().slice(0, 120) });
  const isString = (n: ts.Node | undefined) => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n));
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isPropertyAccessChain(node)) {
      const name = node.name.text;
      if (MARKUP_PROPERTIES.has(name)) add(node, name);
      if ((name === 'write' || name === 'writeln') && /\bdocument$/.test(node.expression.getText())) add(node, `document.${name}`);
      if (name === 'executeScript' || name === 'insertCSS') add(node, name);
    }
    if (ts.isElementAccessExpression(node) && isString(node.argumentExpression) && MARKUP_PROPERTIES.has(node.argumentExpression.getText().slice(1, -1))) {
      add(node, node.argumentExpression.getText());
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText();
      if (name === 'dangerouslySetInnerHTML' || name === 'srcdoc' || name === 'srcDoc') add(node, name);
      // Preact handlers are onClick={fn}; a string value would be an inline handler.
      if (/^on[A-Za-z]+$/.test(name) && node.initializer && ts.isStringLiteral(node.initializer)) add(node, `inline handler ${name}`);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (callee === 'eval' || /(?:^|\.)eval$/.test(callee)) add(node, 'eval');
      if (callee === 'Function' || /(?:^|\.)Function$/.test(callee)) add(node, 'Function()');
      if (/(?:^|\.)(?:setTimeout|setInterval)$/.test(callee) && isString(node.arguments[0])) add(node, `${callee} with a string`);
      if (/(?:^|\.)setAttribute$/.test(callee) && isString(node.arguments[0]) && /^['"`]on/i.test(node.arguments[0]!.getText())) add(node, 'setAttribute of an event handler');
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && !isString(node.arguments[0]) && !OWN_SCRIPT.test(node.arguments[0]?.getText() ?? '')) {
        add(node, 'import() of a computed URL');
      }
    }
    if (ts.isNewExpression(node)) {
      const callee = node.expression.getText();
      if (callee === 'Function' || /\.Function$/.test(callee)) add(node, 'new Function');
      if (callee === 'DOMParser' || /\.DOMParser$/.test(callee)) add(node, 'new DOMParser');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function scanHtml(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    // Entry pages may load their module script; nothing inline, no handler attributes, nothing remote.
    if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(line)) findings.push({ file, line: i + 1, what: 'inline <script>', code: line.trim() });
    if (/<script[^>]*\bsrc=["']?(?:https?:)?\/\//i.test(line)) findings.push({ file, line: i + 1, what: 'remote <script>', code: line.trim() });
    if (/\son[a-z]+\s*=/i.test(line)) findings.push({ file, line: i + 1, what: 'inline handler', code: line.trim() });
    if (/(?:href|src)\s*=\s*["']?javascript:/i.test(line)) findings.push({ file, line: i + 1, what: 'javascript: URL', code: line.trim() });
  });
  return findings;
}

function scanAll(): Finding[] {
  return DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).flatMap((full) => {
    const file = relative(ROOT, full);
    const text = readFileSync(full, 'utf8');
    return file.endsWith('.html') ? scanHtml(file, text) : scanTs(file, text);
  });
}

describe('no string becomes markup or code', () => {
  const findings = scanAll();

  it('finds nothing outside the allow-list', () => {
    const unexpected = findings.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.what === f.what));
    expect(unexpected.map((f) => `${f.file}:${f.line} ${f.what}: ${f.code}`)).toEqual([]);
  });

  it('every allow-list entry is still needed (a stale entry would hide a new use)', () => {
    const unused = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.what === a.what));
    expect(unused).toEqual([]);
  });

  it('the scanner catches each kind of sink (it is not blind)', () => {
    const sample = [
      'el.innerHTML = note;',
      'el.outerHTML = note;',
      "el.insertAdjacentHTML('beforeend', note);",
      "el['innerHTML'] = note;",
      'document.write(note);',
      'eval(note);',
      'new Function(note)();',
      "setTimeout('run()', 1);",
      'range.createContextualFragment(note);',
      'new DOMParser().parseFromString(note, "text/html");',
      "frame.setAttribute('onload', note);",
      'chrome.scripting.executeScript({ func });',
      'import(url);',
    ].join('\n');
    const jsx = 'const a = <div dangerouslySetInnerHTML={{ __html: note }} />; const b = <iframe srcdoc={note} />;';
    const found = [...scanTs('sample.ts', sample), ...scanTs('sample.tsx', jsx)].map((f) => f.what);
    expect(found).toEqual([
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      "'innerHTML'",
      'document.write',
      'eval',
      'new Function',
      'setTimeout with a string',
      'createContextualFragment',
      'new DOMParser',
      'setAttribute of an event handler',
      'executeScript',
      'import() of a computed URL',
      'dangerouslySetInnerHTML',
      'srcdoc',
    ]);
    // The extension's own packaged scripts may be imported by URL.
    expect(scanTs('l.ts', "await import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js'));")).toEqual([]);
    expect(scanTs('l.ts', "await import(/* @vite-ignore */ chrome.runtime.getURL('/card-ui.js'));")).toEqual([]);
    expect(scanTs('l.ts', 'await import(browser.runtime.getURL(name));').map((f) => f.what)).toEqual(['import() of a computed URL']);
    // Comments and strings that name a sink are not uses.
    expect(scanTs('c.ts', "// el.innerHTML = x\nconst s = 'eval(x) and new Function';\n/* document.write(x) */")).toEqual([]);
    expect(scanHtml('p.html', '<script type="module" src="./main.tsx"></script>')).toEqual([]);
    expect(scanHtml('p.html', '<script>alert(1)</script><a href="javascript:x" onclick="y">').map((f) => f.what)).toEqual(['inline <script>', 'inline handler', 'javascript: URL']);
  });
});
