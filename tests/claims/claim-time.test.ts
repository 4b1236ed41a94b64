import { describe, expect, it } from 'vitest';
import { claimTime, describeSpan, formatMonth } from '@/lib/claims/claim-time';

function span(sentence: string, article: string | null) {
  const t = claimTime(sentence, article);
  return t && { from: formatMonth(t.from), to: formatMonth(t.to), how: t.how };
}

describe('claimTime', () => {
  it.each([
    ['Surgeries shut their doors during the first lockdown.', '2023-05-02', '2020-03', '2020-06', 'first lockdown'],
    ['Practices closed in the second national lockdown.', '2021-01-10', '2020-11', '2020-12', 'second national lockdown'],
    ['GPs were hiding behind screens in 2021.', '2024-02-01', '2021-01', '2021-12', 'in 2021'],
    ['Patients could not see a GP in March 2021.', '2022-01-01', '2021-03', '2021-03', 'in March 2021'],
    ['Patients could not see a GP last month.', '2022-06-15', '2022-05', '2022-05', 'last month'],
    ['Patients could not see a GP last month.', '2022-01-15', '2021-12', '2021-12', 'last month'],
    ['Surgeries are still shut.', '2024-03-01', '2024-01', '2024-03', 'still'],
    ['Practices were closed during the pandemic.', '2021-05-20', '2020-03', '2021-05', 'during the pandemic'],
    ['Practices were closed during the pandemic.', '2024-07-01', '2020-03', '2022-02', 'during the pandemic'],
    ['At the start of the pandemic GPs stopped seeing patients.', '2022-01-01', '2020-03', '2020-06', 'start of the pandemic'],
    ['GPs refuse to see patients face to face.', '2021-10-11', '2021-08', '2021-10', 'article date'],
    ['Surgeries had been closed to face-to-face appointments.', '2021-05-20', '2020-03', '2021-05', 'past tense, pandemic-era article'],
    ['Surgeries were closed to patients.', '2023-05-20', '2023-03', '2023-05', 'article date'],
  ])('%s (article %s) → %s..%s', (sentence, article, from, to, how) => {
    expect(span(sentence, article)).toEqual({ from, to, how });
  });

  it('needs the article date for relative words', () => {
    expect(claimTime('Patients could not see a GP last month.', null)).toBeNull();
    expect(span('Surgeries shut in the first lockdown.', null)).toMatchObject({ from: '2020-03', to: '2020-06' });
  });
});

describe('claimTime: words or date', () => {
  it('says whether words in the sentence set the period', () => {
    expect(claimTime('Surgeries shut during the first lockdown.', '2023-05-02')!.fromWords).toBe(true);
    expect(claimTime('Surgeries are still shut.', '2024-07-01')!.fromWords).toBe(true);
    expect(claimTime('Surgeries were closed to patients.', '2023-05-20')!.fromWords).toBe(false);
    expect(claimTime('Surgeries had been closed.', '2021-05-20')!.fromWords).toBe(false);
  });

  it.each([
    ['Last March, most GPs moved to video consultations by default.', '2021-09-20', '2020-03'],
    ['Last November the surgery shut.', '2022-02-01', '2021-11'],
  ])('%s (article %s) speaks of %s', (sentence, article, month) => {
    expect(span(sentence, article)).toMatchObject({ from: month, to: month });
  });

  it.each([
    [{ from: 2020 * 12 + 3, to: 2020 * 12 + 3 }, 'April 2020'],
    [{ from: 2020 * 12 + 2, to: 2020 * 12 + 5 }, 'March – June 2020'],
    [{ from: 2020 * 12 + 10, to: 2021 * 12 + 2 }, 'November 2020 – March 2021'],
    [{ from: 2021 * 12, to: 2021 * 12 + 11 }, '2021'],
  ])('describes %o as "%s"', (s, words) => {
    expect(describeSpan(s)).toBe(words);
  });
});
