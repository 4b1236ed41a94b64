/**
 * The gate (lib/claims/patterns `words`, `GATE`): a pattern runs only on sentences that hold all
 * its gate words, so a gate word missing from a sentence the pattern matches would lose a claim.
 * Proven on every text the engine is tested with (the fixture pages, the seed articles, every
 * string in the engine's tests) and on variants of them that stress word boundaries and quotes:
 * wherever a pattern matches, all its gate words are found. Gate words keep word boundaries, so
 * words inside other words ("cant" in "significant", "ended" in "extended") let nothing through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '@/lib/claims/engine';
import { GATE, gateOf, PATTERNS } from '@/lib/claims/patterns';

const fixtureDir = resolve(__dirname, '../fixtures/articles');
const seedDir = resolve(__dirname, '../fixtures/seeds');
const testDir = __dirname;
const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

/** Each pattern's own example, so that none is proven on nothing (some have none in the fixtures). */
const EXAMPLES = [
  'GP surgeries have been closed since March.',
  'Practices were shut to patients throughout the lockdown.',
  'GPs have locked their doors to patients.',
  'Surgeries shut up shop during the pandemic.',
  'GPs are not opening their doors.',
  'General practice is still not open to patients.',
  'The myth of closed surgeries persists.',
  'GP surgeries are yet to reopen.',
  'Calls to reopen GP surgeries grew.',
  'GP surgeries have remained open throughout the lockdowns.',
  'Practices have never closed.',
  'Surgeries have not been closed.',
  'GPs are refusing to see patients face-to-face.',
  'They were criticised for refusing to see patients face to face, doctors said.',
  'GPs are still not offering face-to-face appointments.',
  'Our GPs would not see patients face-to-face.',
  'Face-to-face appointments were stopped at the surgery, GPs said.',
  'GPs are not seeing patients.',
  'Patients are being refused face-to-face appointments by their GP.',
  'GPs are hiding behind their screens.',
  'GPs are using Covid as an excuse.',
  'GPs don’t want to see patients anymore.',
  'GPs are “hiding”.',
  'GP practices offer telephone consultations by default.',
  'Surgeries insist on telephone consultations.',
  'GPs have been seeing patients face to face.',
  'Patients cannot see their GP.',
  'It is impossible to see a GP.',
  'Face-to-face appointments have collapsed.',
  'A face-to-face appointment is a distant dream.',
  'There has been a collapse in the number of face-to-face consultations with GPs.',
  'There were virtually no face to face appointments at my GP surgery.',
  'Lazy GPs are to blame.',
  'GPs are being lazy.',
  'GPs are doing less work.',
  'GPs are not doing their jobs.',
  'GPs faced criticism for being closed.',
  'GPs were sitting at home during the pandemic.',
  'GPs have the easy life.',
  'GPs are working harder than ever.',
];

/** Every quoted string in the engine's tests (their tables of sentences), as written. */
function testStrings(): string[] {
  return readdirSync(testDir)
    .filter((f) => /\.test\.tsx?$/.test(f))
    .flatMap((f) =>
      [...readFileSync(resolve(testDir, f), 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$\\]*)`/g)].map((m) =>
        (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(['"])/g, '$1'),
      ),
    );
}

const texts = [
  ...readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => readFileSync(resolve(fixtureDir, f), 'utf8').split(/<\/?(?:p|h1|h2|h3|li|title|figcaption|blockquote|td)\b[^>]*>/)),
  ...readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(resolve(seedDir, f), 'utf8').split('\n')),
  ...testStrings(),
  ...EXAMPLES,
]
  .map((t) => unescape(t.replace(/<[^>]*>/g, '')).trim())
  .filter((t) => t.length > 3);

/** The same words set differently: capitals, line breaks and double spaces, curly and straight quotes. */
const variants = (t: string) => [
  t,
  t.toUpperCase(),
  t.replace(/ /g, '\n'),
  t.replace(/ /g, '  '),
  t.replace(/['‘’]/g, (q) => (q === "'" ? '’' : "'")).replace(/["“”]/g, (q) => (q === '"' ? '“' : '"')),
];
const corpus = [...new Set(texts.flatMap(variants))];

describe('gate words', () => {
  it('are found wherever their pattern matches', () => {
    const missed: string[] = [];
    PATTERNS.forEach((pattern, i) => {
      const re = new RegExp(pattern.re.source, 'i');
      let matched = 0;
      const check = (text: string) => {
        for (const word of pattern.words) if (!word.test(text)) missed.push(`pattern ${i} (${pattern.claimId}): /${word.source}/ not in “${text.slice(0, 160)}”`);
        if (!GATE.test(text)) missed.push(`pattern ${i} (${pattern.claimId}): GATE refuses “${text.slice(0, 160)}”`);
      };
      for (const text of corpus) {
        const m = re.exec(text);
        if (!m) continue;
        matched++;
        check(text);
        // A letter glued to either end of the match: where the pattern still matches, so must its words.
        const end = m.index + m[0].length;
        for (const glued of [`${text.slice(0, end)}s${text.slice(end)}`, `${text.slice(0, m.index)}s${text.slice(m.index)}`]) if (re.test(glued)) check(glued);
      }
      // Proven on something: every pattern matches some of the texts.
      expect(matched, `pattern ${i} (${pattern.claimId}) matches none of the texts`).toBeGreaterThan(0);
    });
    expect(missed).toEqual([]);
  });

  it('are whole words where their pattern has word boundaries', () => {
    const inside = [
      'The significant rise was extended regardless of the household budget.',
      'European figures were reopenable to scrutiny; the closet stayed openly ajar.',
      'Elsewhere the idleness of the unseen clinics was discussed, nevertheless.',
      'The Canterbury scheme was shutdown-proof and its ledger was closedown-free.',
    ];
    for (const s of inside) expect(GATE.test(s), s).toBe(false);
    // The whole words do pass.
    for (const s of ['Patients can’t see a GP.', 'Appointments ended.', 'Surgeries closed.', 'GPs worked less.']) expect(GATE.test(s), s).toBe(true);
  });

  it('of a subset of patterns admit only what those patterns need', () => {
    const lazy = gateOf(PATTERNS.filter((p) => p.claimId === 'gps-doing-less'));
    expect(lazy.test('Lazy GPs again.')).toBe(true);
    expect(lazy.test('Surgeries were closed.')).toBe(false);
    expect(gateOf([]).test('anything at all')).toBe(false);
  });

  // Importing a second engine (with its catalogue and model files) takes seconds on a busy machine.
  it('leave the engine finding the same claims as when every pattern runs on every sentence', { timeout: 60_000 }, async () => {
    // The reference: the same engine with every gate word made one that is in every sentence (the
    // learned decision left out: gates are for the phrase patterns).
    vi.resetModules();
    vi.doMock('@/lib/claims/patterns', async (original) => {
      const real = await original<typeof import('@/lib/claims/patterns')>();
      return { ...real, PATTERNS: real.PATTERNS.map((p) => ({ ...p, words: [/(?:)/] })) };
    });
    const ungated = (await import('@/lib/claims/engine')).createEngine({ model: null });
    vi.doUnmock('@/lib/claims/patterns');
    vi.resetModules();
    expect(ungated.findClaims('Nothing here.')).toEqual([]);
    const gated = createEngine({ model: null });
    // Whole pages (paragraphs as blocks, so quotations and the next sentence count) and every test string.
    const pages = readdirSync(fixtureDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => unescape(readFileSync(resolve(fixtureDir, f), 'utf8').replace(/<\/(?:p|h1|h2|h3|li|blockquote)>/g, '\n').replace(/<[^>]*>/g, '')));
    let claims = 0;
    for (const text of [...pages, ...corpus]) {
      const expected = ungated.findClaims(text);
      claims += expected.length;
      expect(gated.findClaims(text), text.slice(0, 120)).toEqual(expected);
    }
    expect(claims).toBeGreaterThan(100);
  });
});
