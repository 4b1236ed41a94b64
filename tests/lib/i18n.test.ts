/**
 * The message catalogue: well formed in the WebExtensions format, every t() key and every
 * __MSG_…__ in the manifest defined, every message used, substitutions as the browser makes them,
 * and the pages already translated free of hard-coded text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { substitute, t, type Catalogue } from '@/lib/i18n';
import english from '@/public/_locales/en_GB/messages.json';

const ROOT = resolve(import.meta.dirname, '../..');
const catalogue: Catalogue = english;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const full = join(ROOT, dir, name);
    if (statSync(full).isDirectory()) return sources(relative(ROOT, full));
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const CODE = [...sources('lib'), ...sources('components'), ...sources('entrypoints')].map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
// The manifest's strings: in wxt.config.ts, and in the pages' <meta name="manifest.title">.
const CONFIG = [join(ROOT, 'wxt.config.ts'), ...readdirSync(join(ROOT, 'entrypoints')).map((name) => join(ROOT, 'entrypoints', name, 'index.html'))]
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const keysUsedByT = new Set(CODE.flatMap(({ text }) => [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!)));
const keysInManifest = new Set([...CONFIG.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]!));

/** Files whose every user-facing string comes from the catalogue. */
const TRANSLATED = [
  'components/PopupView.tsx',
  'components/Welcome.tsx',
  'components/PageNotice.tsx',
  'components/ReportForm.tsx',
  'components/DismissedPassages.tsx',
  'components/PausedSites.tsx',
  'components/ReportList.tsx',
  'components/ClipEditor.tsx',
  'components/ClipItem.tsx',
  'components/ClipList.tsx',
  'components/SidePanel.tsx',
  'entrypoints/sidepanel/App.tsx',
  'entrypoints/sidepanel/main.tsx',
  'components/ClipsData.tsx',
  'components/StoredCounts.tsx',
  'components/ClearData.tsx',
  'entrypoints/options/data-panel.tsx',
  'components/SeriesChart.tsx',
  'components/SeriesLead.tsx',
  'components/SeriesPanel.tsx',
  'components/Card.tsx',
  'components/CardFigures.ts',
  'components/card-standing.ts',
  'components/citation.ts',
  'components/EvidenceField.tsx',
  'components/EvidenceForm.tsx',
  'components/EvidenceList.tsx',
  'components/EvidencePackTools.tsx',
  'components/EvidenceUndo.tsx',
  'components/evidence-form-labels.ts',
  'components/evidence-format.ts',
  'components/evidence-form-values.ts',
  'entrypoints/options/evidence-panel.tsx',
  'components/OptionsShell.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/options/reader-panel.tsx',
  'entrypoints/options/series-section.tsx',
  'entrypoints/popup/main.tsx',
  'lib/page/clips-boot.ts',
  'lib/page/clips-editor-session.ts',
  'lib/page/clips.ts',
  'lib/page/anchor/describe.ts',
  'lib/background/clips-main.ts',
  'lib/background/clips.ts',
  'components/report-problem.ts',
  'components/partial-date.ts',
  'lib/page/clips-anchoring.ts',
  'lib/page/card-actions.ts',
  'lib/page/card-presenter.ts',
];
/** Text that is not language: key names shown in <kbd>. */
const NOT_LANGUAGE = new Set(['Enter', 'Escape']);

describe('the message catalogue', () => {
  it('is well formed: valid names, a message and a description each, placeholders that point at substitutions', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
      const named = Object.keys(entry.placeholders ?? {});
      for (const name of named) {
        expect(name, `${key}: placeholder names are lower case`).toBe(name.toLowerCase());
        expect(entry.placeholders![name]!.content, key).toMatch(/^\$[1-9]$/);
      }
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      expect(used.sort(), `${key}: every $NAME$ is declared, and every declared one used`).toEqual([...named].sort());
    }
  });

  it('defines every key that t() is called with and every __MSG_…__ in the manifest', () => {
    expect(keysUsedByT.size).toBeGreaterThan(20);
    expect([...keysUsedByT].filter((key) => !(key in catalogue))).toEqual([]);
    expect(keysInManifest).toEqual(new Set(['extName', 'extDescription', 'actionTitle', 'sidebarTitle', 'commandSaveClip', 'commandNextClaim', 'commandPreviousClaim']));
    expect([...keysInManifest].filter((key) => !(key in catalogue))).toEqual([]);
  });

  it('holds no message that nothing uses', () => {
    expect(Object.keys(catalogue).filter((key) => !keysUsedByT.has(key) && !keysInManifest.has(key))).toEqual([]);
  });

  it('leaves no hard-coded text in the translated pages', () => {
    for (const file of TRANSLATED) {
      // Comments may speak of tags (<summary>): only the code is read.
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      // JSX text between tags (a '>' of an arrow, a shift or a generic starts none; only .tsx has JSX), and string literals handed back as UI text.
      const jsx = file.endsWith('.tsx') ? [...text.matchAll(/(?<![=>-])>(?!\()([^<>{}]*[A-Za-z][^<>{}]*)</g)] : [];
      const jsxText = jsx.map((m) => m[1]!.trim()).filter((s) => s && !NOT_LANGUAGE.has(s) && !/^[;),]/.test(s)); // not code after a closing tag
      const returned = [...text.matchAll(/return\s+'([^']*[A-Za-z][^']*)'/g)].map((m) => m[1]);
      // Words handed to the reader as a reason, a message, a title or a label, an error or a notice.
      const handed = [...text.matchAll(/(?:\b(?:reason|message|title|label)\s*:\s*|new Error\(\s*|\b(?:show|setNotice|setCardNotice)\(\s*)(['`])([^'`]*[A-Za-z][^'`]*)\1/g)].map((m) => m[2]);
      expect({ file, jsxText, returned, handed }).toEqual({ file, jsxText: [], returned: [], handed: [] });
    }
  });
});

describe('t()', () => {
  const entry = { message: 'Pause Footnote on $HOST$ ($$5 a $1)', placeholders: { host: { content: '$1' } } };

  it.each([
    [['www.bbc.co.uk'], 'Pause Footnote on www.bbc.co.uk ($5 a www.bbc.co.uk)'],
    [[], 'Pause Footnote on  ($5 a )'],
  ])('substitutes named placeholders, $n and $$ as the browser does (%j)', (subs, expected) => {
    expect(substitute(entry, subs)).toBe(expected);
  });

  it('reads the installed catalogue and substitutes numbers', () => {
    expect(t('popupFlaggedMany', 3)).toBe('Article about GP access: 3 claims flagged.');
    expect(t('popupPauseSite', 'example.org')).toBe('Pause Footnote on example.org');
  });

  it('shows a key it cannot find as the key, never as nothing', () => {
    expect(t('nope' as never)).toBe('nope');
  });
});
