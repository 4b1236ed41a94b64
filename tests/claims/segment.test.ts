import { describe, expect, it } from 'vitest';
import { clauseOf, quotations, sentences } from '@/lib/claims/segment';

const split = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it.each([
    ['Practices were open. Patients were seen.', ['Practices were open.', 'Patients were seen.']],
    ['Dr. Vautrey said so. Mr Hancock agreed.', ['Dr. Vautrey said so.', 'Mr Hancock agreed.']],
    ['Prof. J. Smith wrote to Mrs. Jones. She replied.', ['Prof. J. Smith wrote to Mrs. Jones.', 'She replied.']],
    ['Appointments rose 5.5 per cent. That was in 2021.', ['Appointments rose 5.5 per cent.', 'That was in 2021.']],
    ["He said: 'Practices were closed.' But data show otherwise.", ["He said: 'Practices were closed.'", 'But data show otherwise.']],
    ['‘Were they open?’ she asked. ‘Yes.’', ['‘Were they open?’ she asked.', '‘Yes.’']],
    ['Surgeries closed, e.g. in the first weeks, to walk-ins. Then they opened.', ['Surgeries closed, e.g. in the first weeks, to walk-ins.', 'Then they opened.']],
    ['A heading without a full stop\nThe first paragraph. Its second sentence.', ['A heading without a full stop', 'The first paragraph.', 'Its second sentence.']],
    ['Wait… what happened next? Nobody knows!', ['Wait… what happened next?', 'Nobody knows!']],
    ['Practices face consequences.1 The message is clear.', ['Practices face consequences.1', 'The message is clear.']],
    ['See chart No.1 The figures rose 2.1 Then fell.', ['See chart No.1 The figures rose 2.1 Then fell.']],
    ['  \n\n  ', []],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('never crosses a block boundary', () => {
    expect(split('GP surgeries were\nclosed during the pandemic.')).toEqual(['GP surgeries were', 'closed during the pandemic.']);
  });
});

describe('clauseOf', () => {
  const text = 'General practice had been closed during the pandemic - despite half of all appointments being delivered in person; so the critics said.';
  const sentence = { start: 0, end: text.length };

  it('cuts at a spaced dash and a semicolon', () => {
    const at = text.indexOf('closed');
    const c = clauseOf(text, sentence, at, at + 6);
    expect(text.slice(c.start, c.end)).toBe('General practice had been closed during the pandemic');
  });

  it('keeps the whole sentence when the clause would be a fragment', () => {
    const t = 'Closed - they said; all of them.';
    const c = clauseOf(t, { start: 0, end: t.length }, 0, 6);
    expect(c).toEqual({ start: 0, end: t.length });
  });

  it('does not cut at a hyphen inside a word', () => {
    const t = 'Face-to-face appointments collapsed across England in spring.';
    const c = clauseOf(t, { start: 0, end: t.length }, 0, 10);
    expect(c).toEqual({ start: 0, end: t.length });
  });
});

describe('quotations', () => {
  const quoted = (block: string) => quotations(block).map((q) => block.slice(q.start, q.end));

  it.each([
    ["He said: 'It was closed.' Then he left.", ["'It was closed.'"]],
    ["She called it ‘tone deaf' and left.", ["‘tone deaf'"]],
    ['“Practices are open,” said Dr Kanani.', ['“Practices are open,”']],
    ["NHS England's letter didn't help.", []],
    ["'A quotation that runs on to the next paragraph", ["'A quotation that runs on to the next paragraph"]],
    ["The GPs' surgeries were busy, 'very busy', she said.", ["'very busy'"]],
  ])('%j', (block, expected) => {
    expect(quoted(block)).toEqual(expected);
  });
});
