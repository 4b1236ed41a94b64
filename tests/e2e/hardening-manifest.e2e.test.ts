/**
 * The built extension (run after the build, as every e2e test is): each manifest's content
 * security policy allows no inline, remote or evaluated script; each permission it asks for has a
 * call site in the code that needs it, and it asks for nothing else (no host permissions, no tabs,
 * no scripting); the built scripts hold no eval or Function constructor, and the built pages no
 * inline script.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './browsers';

const ROOT = resolve(import.meta.dirname, '../..');

type Manifest = Record<string, unknown> & { manifest_version: number; permissions?: string[] };

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : ext.test(name) ? [full] : [];
  });
}

/** The extension-page CSP as directive → sources. */
function cspOf(m: Manifest): Map<string, string[]> {
  const raw = m.manifest_version >= 3 ? (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages : (m.content_security_policy as string | undefined);
  if (!raw) throw new Error('the manifest sets no content security policy for extension pages');
  return new Map(
    raw
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** Sources a script directive must never allow: inline, eval, remote hosts, schemes that load code. */
function unsafeSources(sources: readonly string[]): string[] {
  return sources.filter((s) => s.toLowerCase() !== "'self'" && s.toLowerCase() !== "'none'");
}

/** Footnote's own code (what the built scripts come from), for finding call sites. */
const SOURCE = ['lib', 'entrypoints']
  .flatMap((d) => filesUnder(join(ROOT, d), /\.tsx?$/))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** Each permission Footnote may ask for, and the code that needs it. Any other permission fails the test. */
const NEEDS: Record<string, { uses: RegExp; why: string }> = {
  storage: { uses: /\bbrowser\.storage\.session\b/, why: "each tab's state for the popup, in storage.session" },
  sidePanel: { uses: /\bsidePanel[\s\S]{0,200}\.open\(\{\s*tabId\s*\}\)/, why: 'the popup opens the clips side panel (Chrome)' },
  contextMenus: { uses: /\bbrowser\.contextMenus\b[\s\S]*\.create\(/, why: 'the "Save selection as clip" menu item' },
};

describe.each([
  ['Chrome (MV3)', CHROME_BUILD],
  ['Firefox (MV2)', FIREFOX_BUILD],
])('the %s build', (_name, dir) => {
  const manifest = manifestOf(dir);

  it('allows no inline, evaluated or remote script in extension pages', () => {
    const csp = cspOf(manifest);
    const scripts = csp.get('script-src') ?? csp.get('default-src');
    expect(scripts, 'script-src (or default-src) must be set').toBeDefined();
    expect(unsafeSources(scripts!)).toEqual([]);
    for (const directive of ['script-src-elem', 'script-src-attr', 'worker-src']) {
      if (csp.has(directive)) expect(unsafeSources(csp.get(directive)!)).toEqual([]);
    }
    expect(unsafeSources(csp.get('object-src') ?? ['missing'])).toEqual([]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    // No sandbox pages with their own, looser policy.
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-(?:inline|eval|hashes)|sandbox/);
  });

  it('asks only for permissions whose call sites exist, and for no host access', () => {
    const permissions = manifest.permissions ?? [];
    for (const p of permissions) {
      expect(NEEDS[p], `"${p}" has no known use; add it to NEEDS with its call site, or drop it`).toBeDefined();
      expect(SOURCE, `"${p}" (${NEEDS[p]!.why}) has no call site in lib/ or entrypoints/`).toMatch(NEEDS[p]!.uses);
    }
    expect(permissions.filter((p) => /[:/*]|<all_urls>/.test(p))).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    // Content scripts only on web pages; the page UI scripts reachable only through per-load URLs.
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches).sort()).toEqual(['http://*/*', 'https://*/*']);
    const resources = (manifest.web_accessible_resources ?? []) as { resources: string[]; use_dynamic_url?: boolean }[];
    for (const r of resources) {
      expect(r.resources.every((f) => /^[\w-]+\.js$/.test(f))).toBe(true);
      expect(r.use_dynamic_url).toBe(true);
    }
  });

  it('a missing call site would be caught (the check is not blind)', () => {
    expect('const s = browser.storage.local;').not.toMatch(NEEDS.storage!.uses);
    expect('menus.create({ id })').not.toMatch(NEEDS.contextMenus!.uses);
  });

  it('ships no eval, Function constructor or markup writer of its own, and no inline script in its pages', () => {
    const found: string[] = [];
    for (const file of filesUnder(dir, /\.js$/)) {
      const code = readFileSync(file, 'utf8');
      // zod's feature probe `Function("")` (an empty body, in a try: false under this CSP, and zod runs jitless) is no use of data.
      for (const m of code.matchAll(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*(["'`])(?!\1\s*\))|document\.write(?:ln)?\s*\(|insertAdjacentHTML|outerHTML\s*=|srcdoc/g)) {
        found.push(`${file.slice(dir.length)}: ${code.slice(Math.max(0, m.index - 40), m.index + 40)}`);
      }
      // Preact's dangerouslySetInnerHTML support is the only innerHTML (and Footnote never passes it: source-scan.test.ts).
      for (const m of code.matchAll(/innerHTML/g)) {
        const before = code.slice(Math.max(0, m.index - 300), m.index);
        if (!before.includes('dangerouslySetInnerHTML') && !before.includes('__html')) found.push(`${file.slice(dir.length)}: innerHTML outside Preact`);
      }
    }
    expect(found).toEqual([]);
    for (const page of filesUnder(dir, /\.html$/)) {
      const html = readFileSync(page, 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, page).not.toMatch(/<script[^>]*\bsrc=["']?(?:https?:)?\/\//i);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('takes its name, description, button title and shortcut names from the en_GB catalogue', () => {
    expect(manifest.default_locale).toBe('en_GB');
    const messages = JSON.parse(readFileSync(join(dir, '_locales/en_GB/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const text = JSON.stringify(manifest);
    const keys = [...text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle', 'commandSaveClip']));
    expect(keys.filter((key) => !messages[key]?.message)).toEqual([]);
    // Nothing a reader sees is left in the manifest as plain English.
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
  });
});

describe('Firefox declares that it collects no data', () => {
  it('data_collection_permissions: required none, nothing optional', () => {
    const gecko = (manifestOf(FIREFOX_BUILD).browser_specific_settings as { gecko: { data_collection_permissions?: unknown } }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
