import { describe, expect, it } from 'vitest';
import { matchQuote, MATCH_TUNING } from '@/lib/page/anchor/match-quote';
import { collapseSpace, normalizeText } from '@/lib/page/anchor/normalize';
import { gpVoteParagraphs } from './anchor-helpers';

const paragraphs = gpVoteParagraphs();
const page = paragraphs.join(' ');

/** A passage of `text` saved the way describe.ts saves it: the quote, 32 characters each side, its offset. */
function saved(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no "${quote}" (${occurrence})`);
  const end = start + quote.length;
  return { quote, start, end, context: { prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), hint: start } };
}

const CLAIM = "practices delivered 164m face-to-face patient appointments between March 2020 and March 2021";

describe('matchQuote', () => {
  it('finds an exact quote where it was', () => {
    const s = saved(page, CLAIM);
    const m = matchQuote(page, s.quote, s.context);
    expect(m).toMatchObject({ start: s.start, end: s.end, errors: 0 });
    expect(m!.score).toBeCloseTo(1, 5);
  });

  it('finds an exact quote after the text before it changed (position no longer holds)', () => {
    const s = saved(page, CLAIM);
    const edited = page.replace('The BMA GP committee for England voted', 'Updated 21 May. The BMA GP committee for England voted');
    const m = matchQuote(edited, s.quote, s.context);
    expect(m?.start).toBe(edited.indexOf(CLAIM));
  });

  it.each([
    ['a figure rewritten', CLAIM.replace('164m', '164 million')],
    ['a typo corrected', undefined],
    ['quotation marks changed', undefined],
  ])('finds the passage on an edited page: %s', (label, editedQuote) => {
    let s;
    let edited: string;
    if (label === 'a typo corrected') {
      // The source has "face-to-face appoinments": a sub-editor fixes it.
      const quote = 'escalating dispute around face-to-face appoinments and demands for more support';
      s = saved(page, quote);
      edited = page.replace('appoinments', 'appointments');
      editedQuote = quote.replace('appoinments', 'appointments');
    } else if (label === 'quotation marks changed') {
      const quote = "the claim that practices had been closed through the pandemic 'could not be farther from the truth'";
      s = saved(page, quote);
      editedQuote = quote.replace(/'/g, '’');
      edited = page.replace(quote, editedQuote);
    } else {
      s = saved(page, CLAIM);
      edited = page.replace(CLAIM, editedQuote!);
    }
    const m = matchQuote(edited, s.quote, s.context);
    expect(m).not.toBeNull();
    expect(m!.errors).toBeGreaterThan(0);
    expect(edited.slice(m!.start, m!.end)).toBe(editedQuote);
  });

  it('finds the passage when its surroundings were rewritten but the quote stands', () => {
    const s = saved(page, CLAIM);
    const sentence = paragraphs.find((p) => p.includes(CLAIM))!;
    const rewritten = page.replace(sentence, `Official figures show ${CLAIM}.`);
    expect(matchQuote(rewritten, s.quote, s.context)?.start).toBe(rewritten.indexOf(CLAIM));
  });

  it('returns no match on a rewritten page rather than the nearest wrong passage', () => {
    const s = saved(page, CLAIM);
    const sentence = paragraphs.find((p) => p.includes(CLAIM))!;
    // The paragraph is replaced by another report's sentence on the same subject (GPonline, June 2021).
    const rewritten = page.replace(
      sentence,
      'The health secretary said there were no plans to impose targets for face-to-face GP appointments, with half of all appointments being delivered in person throughout the pandemic.',
    );
    expect(matchQuote(rewritten, s.quote, s.context)).toBeNull();
  });

  it('returns no match for a quote that is gone when the page keeps many of its words', () => {
    const quote = "GPs everywhere share that frustration. This is not the fault of individual practices or doctors";
    const s = saved(page, quote);
    const without = page.replace("'GPs everywhere share that frustration. This is not the fault of individual practices or doctors, and", "'And");
    expect(matchQuote(without, s.quote, s.context)).toBeNull();
  });

  it('chooses the right one of a repeated quote by its prefix and suffix', () => {
    const quote = 'face-to-face appointments';
    for (const occurrence of [0, 1]) {
      const s = saved(page, quote, occurrence);
      // The page gained text before both: the saved position points nowhere useful now.
      const moved = 'Just published. ' + page;
      const m = matchQuote(moved, s.quote, { ...s.context, hint: s.start });
      expect(m?.start).toBe(s.start + 'Just published. '.length);
    }
  });

  it('chooses the right one of a repeated quote by position when the surroundings are the same', () => {
    const petition = paragraphs.find((p) => p.includes('a petition calling'))!;
    const twice = `${petition} ${petition}`;
    const quote = "a petition calling on NHS England's primary care medical director to resign";
    const second = saved(twice, quote, 1);
    expect(matchQuote(twice, second.quote, second.context)?.start).toBe(second.start);
    const first = saved(twice, quote, 0);
    expect(matchQuote(twice, first.quote, first.context)?.start).toBe(first.start);
  });

  it('does not anchor a short quote whose surroundings are all new', () => {
    const s = saved(page, 'tone deaf');
    const other = 'Commentators called the plan tone deaf when it was published, and the minister agreed to review it.';
    expect(matchQuote(other, s.quote, s.context)).toBeNull();
    // In its own surroundings it is found.
    expect(matchQuote(page, s.quote, s.context)?.start).toBe(s.start);
  });

  it('finds a reworded quote by its surroundings', () => {
    const s = saved(page, 'unable to get a face-to-face appointment when they’d prefer one');
    const edited = page.replace('face-to-face appointment when they’d prefer one', 'face to face appointment when they would prefer one');
    const m = matchQuote(edited, s.quote, s.context);
    expect(m).not.toBeNull();
    expect(edited.slice(m!.start, m!.end)).toBe('unable to get a face to face appointment when they would prefer one');
  });

  it('looks for exact passages only when told not to search fuzzily (huge pages)', () => {
    const s = saved(page, CLAIM);
    const edited = page.replace('164m', '164 million');
    expect(matchQuote(edited, s.quote, s.context, { fuzzy: false })).toBeNull();
    expect(matchQuote(page, s.quote, s.context, { fuzzy: false })?.start).toBe(s.start);
  });

  it('refuses empty input', () => {
    expect(matchQuote('', 'x')).toBeNull();
    expect(matchQuote('some text', '')).toBeNull();
  });

  it('keeps its tuning sane', () => {
    expect(MATCH_TUNING.maxErrorRate).toBeLessThan(0.5);
    expect(MATCH_TUNING.minFuzzyScore).toBeGreaterThan(0.5);
  });
});

describe('normalizeText', () => {
  it.each([
    ['a  b', 'a b'],
    ['\n  Face-to-face\n\t appointments \u00a0 fell\n', ' Face-to-face appointments fell '],
    ['none', 'none'],
    ['', ''],
  ])('collapses %j', (source, expected) => {
    const n = normalizeText(source);
    expect(n.text).toBe(expected);
    // Every non-space character maps back to itself.
    for (let i = 0; i < n.text.length; i++) {
      if (n.text[i] !== ' ') expect(source[n.toSource(i)]).toBe(n.text[i]);
    }
    for (let o = 0; o < source.length; o++) {
      if (!/\s/.test(source[o]!)) expect(n.text[n.toNormalized(o)]).toBe(source[o]);
    }
    expect(n.toNormalized(source.length)).toBe(n.text.length);
  });

  it('collapses like collapseSpace, up to the trimmed ends', () => {
    const source = '  GP   practices\n\nwere  closed  ';
    expect(normalizeText(source).text.trim()).toBe(collapseSpace(source));
  });
});
