import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card, type CardProps } from '@/components/Card';
import { formatPartialDate } from '@/components/partial-date';
import { emptyFigures, groupFigures } from '@/components/CardFigures';
import type { Evidence } from '@/lib/model/records';

const faceToFace: Evidence = {
  id: 'f2f-appointments-2020-21',
  figure: '164m face-to-face appointments',
  value: 164_000_000,
  unit: 'appointments',
  period: { from: '2020-03', to: '2021-03', label: 'March 2020 – March 2021' },
  geography: 'England, general practice',
  nation: 'England',
  claimIds: ['practices-closed'],
  direction: 'counters',
  source: {
    publisher: 'GPonline',
    title: 'BMA delivers vote of no confidence in NHS England over failure to support GPs',
    published: '2021-05',
    url: 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
    quotedFrom: 'BMA GP committee chair, citing official figures',
    checked: 'quoted figure read in the article text',
  },
};

const spring2020: Evidence = {
  ...faceToFace,
  id: 'f2f-share-april-2020',
  figure: 'Face-to-face share of appointments fell sharply in April 2020',
  direction: 'supports',
  period: { from: '2020-04', to: '2020-04', label: 'April 2020' },
  source: { ...faceToFace.source, publisher: 'NHS Digital', title: 'Appointments in General Practice', published: '2020-05-28' },
};

function props(overrides: Partial<CardProps> = {}): CardProps {
  return {
    quote: 'GP practices were closed during the pandemic',
    stance: 'asserted',
    wording: 'practices were closed',
    statement: 'GP practices were closed during the pandemic',
    figures: groupFigures([{ evidence: faceToFace }]),
    status: { kind: 'ready' },
    onClose: vi.fn(),
    onDismiss: vi.fn(),
    onPause: vi.fn(),
    ...overrides,
  };
}

function show(p: CardProps): HTMLElement {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(<Card {...p} />, host);
  return host;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

afterEach(() => document.body.replaceChildren());

describe('Card', () => {
  it('is a labelled dialog that can take focus, with a live region for updates', () => {
    const host = show(props());
    const dialog = host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(text(host.querySelector(`#${dialog.getAttribute('aria-labelledby')}`))).toBe('Footnote: the record on this claim');
    expect(text(host.querySelector(`#${dialog.getAttribute('aria-describedby')}`))).toBe('GP practices were closed during the pandemic');
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    expect(host.querySelector('[aria-live="polite"]')).not.toBeNull();
  });

  it('shows the claim as the page states it, the plain statement, and each counter-figure with period, geography and source', () => {
    const host = show(props({ quote: 'surgeries shut their doors' }));
    expect(text(host.querySelector('blockquote'))).toBe('surgeries shut their doors');
    expect(text(host.querySelector('.fn-statement'))).toBe('Matches the claim: GP practices were closed during the pandemic');
    const figure = host.querySelector('.fn-lead li')!;
    expect(text(figure.querySelector('.fn-direction'))).toBe('Counters the claim');
    expect(text(figure.querySelector('.fn-figure-value'))).toBe('164m face-to-face appointments');
    expect(text(figure.querySelector('.fn-figure-meta'))).toBe('March 2020 – March 2021 · England, general practice');
    expect(text(figure.querySelector('.fn-source'))).toBe(
      'Source: BMA delivers vote of no confidence in NHS England over failure to support GPs, GPonline, May 2021. BMA GP committee chair, citing official figures',
    );
    const link = figure.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(faceToFace.source.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says why the claim was flagged: the wording matched and the stance', () => {
    const host = show(props({ stance: 'reported', wording: 'surgeries had been closed' }));
    expect([...host.querySelectorAll('.fn-why > *')].map(text)).toEqual([
      'Why this was flagged',
      'Wording matched: surgeries had been closed',
      'Stance: the article reports someone saying it.',
      'A solid underline: the article states the claim as fact. A dashed underline: it reports someone saying it.',
    ]);
  });

  it('names the words that weighed most where the learned decision flagged the claim', () => {
    const host = show(props({ stance: 'asserted', wording: 'struggling to get an appointment', cues: ['struggling', 'appointment', 'get'] }));
    expect([...host.querySelectorAll('.fn-why > p')].map(text).slice(0, 3)).toEqual([
      'Wording matched: struggling to get an appointment',
      'Words that weighed most: struggling, appointment, get',
      'Stance: the article states it as fact.',
    ]);
  });

  it('leads with two figures that answer the claim and one that partly supports it, each saying which it is', () => {
    const context: Evidence = { ...faceToFace, id: 'context-one', direction: 'context', figure: 'Half of appointments in person' };
    const host = show(
      props({
        figures: groupFigures([{ evidence: faceToFace, afterArticle: true }, { evidence: context }, { evidence: spring2020 }]),
      }),
    );
    expect(text(host.querySelector('.fn-lead h3'))).toBe('What the record shows');
    const lead = [...host.querySelectorAll('.fn-lead li')].map((li) => [text(li.querySelector('.fn-direction')), text(li.querySelector('.fn-figure-value'))]);
    expect(lead).toEqual([
      ['Counters the claim', '164m face-to-face appointments'],
      ['Qualifies it', 'Half of appointments in person'],
      ['Partly supports the claim', 'Face-to-face share of appointments fell sharply in April 2020'],
    ]);
    expect(text(host.querySelector('[data-evidence="f2f-appointments-2020-21"] .fn-later'))).toBe('Published after this article');
    expect(host.querySelector('[data-evidence="f2f-share-april-2020"] .fn-later')).toBeNull();
    expect(host.querySelectorAll('.fn-lead a[target="_blank"]')).toHaveLength(3);
    expect(host.querySelector('details')).toBeNull(); // nothing more to show
  });

  it('shows at most three figures and keeps the rest behind "More figures (N)", by direction, in ranked order', () => {
    const counters = ['a', 'b', 'c', 'd'].map((id) => ({ evidence: { ...faceToFace, id, figure: `figure ${id}` } }));
    const context = { evidence: { ...faceToFace, id: 'q', direction: 'context' as const, figure: 'figure q' } };
    const supports = ['s1', 's2'].map((id) => ({ evidence: { ...spring2020, id, figure: `figure ${id}` } }));
    const host = show(props({ figures: groupFigures([...counters, context, ...supports]) }));
    expect([...host.querySelectorAll('.fn-lead .fn-figure-value')].map(text)).toEqual(['figure a', 'figure b', 'figure s1']);
    const more = host.querySelector('details.fn-more')!;
    expect(more.hasAttribute('open')).toBe(false);
    expect(text(more.querySelector('summary'))).toBe('More figures (4)');
    expect([...more.querySelectorAll('h4')].map(text)).toEqual(['Counter-figures', 'Figures that qualify it', 'Figures that partly support the claim']);
    expect([...more.querySelectorAll('.fn-figure-value')].map(text)).toEqual(['figure c', 'figure d', 'figure q', 'figure s2']);
    expect(more.querySelector('.fn-direction')).toBeNull(); // the headings say it
    expect(host.querySelectorAll('.fn-figure')).toHaveLength(7);
  });

  it('opens and closes "More figures" with Enter and Space on its summary, and a new claim starts it closed', () => {
    const counters = ['a', 'b', 'c'].map((id) => ({ evidence: { ...faceToFace, id, figure: `figure ${id}` } }));
    const host = show(props({ figures: groupFigures(counters) }));
    const details = () => host.querySelector<HTMLDetailsElement>('details.fn-more')!;
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      act(() => {
        details().querySelector('summary')!.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    expect(details().open).toBe(false);
    expect(press('Enter')).toBe(true); // the browser does not toggle it a second time
    expect(details().open).toBe(true);
    press(' ');
    expect(details().open).toBe(false);
    expect(press('a')).toBe(false);
    press('Enter');
    act(() => render(<Card {...props({ quote: 'another claim', figures: groupFigures(counters) })} />, host));
    expect(details().open).toBe(false);
  });

  it('opens with one plain line on how the record stands, from the lead figure\'s own fields', () => {
    expect(text(show(props()).querySelector('.fn-standing'))).toBe('The record contradicts this for March 2020 – March 2021: 164m face-to-face appointments');
    const host = show(props({ figures: groupFigures([{ evidence: spring2020 }]) }));
    expect(text(host.querySelector('.fn-standing'))).toBe('The record partly supports this for April 2020: Face-to-face share of appointments fell sharply in April 2020');
    const later = show(props({ figures: groupFigures([{ evidence: faceToFace, afterArticle: true }]) }));
    expect(text(later.querySelector('.fn-standing'))).toBe(
      'The record contradicts this for March 2020 – March 2021 (a figure published after this article): 164m face-to-face appointments',
    );
    expect(show(props({ figures: emptyFigures() })).querySelector('.fn-standing')).toBeNull();
    expect(show(props({ status: { kind: 'loading' } })).querySelector('.fn-standing')).toBeNull();
  });

  it('warns plainly when the lead figures are years from the article, and says when its date came from its address', () => {
    const apr2024: Evidence = { ...faceToFace, id: 'apr-2024', period: { from: '2024-04', to: '2024-04', label: 'April 2024' } };
    let host = show(props({ figures: groupFigures([{ evidence: apr2024 }]), article: { date: '2014-06-29', nation: 'England', dateFromAddress: true } }));
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 29 June 2014 (read from its address) · England');
    expect(text(host.querySelector('.fn-years-away'))).toBe('The figures shown first are 9 years or more after this article (29 June 2014); the nearest is for April 2024.');
    host = show(props({ article: { date: '2024-07-10', nation: 'England' } }));
    expect(text(host.querySelector('.fn-years-away'))).toBe('The figures shown first are 3 years or more before this article (10 July 2024); the nearest is for March 2020 – March 2021.');
    expect(text(host.querySelector('.fn-article'))).toBe('Article: 10 July 2024 · England');
    // One lead figure near the article's time is enough: no warning.
    host = show(props({ figures: groupFigures([{ evidence: faceToFace }, { evidence: apr2024 }]), article: { date: '2024-07-10', nation: 'England' } }));
    expect(host.querySelector('.fn-years-away')).toBeNull();
    expect(show(props({ article: { date: null, nation: 'England' } })).querySelector('.fn-years-away')).toBeNull();
    expect(show(props({ article: { date: '2022-12', nation: null } })).querySelector('.fn-years-away')).toBeNull(); // 21 months
  });

  it("shows the nation note, and says so plainly when the store has no figure", () => {
    const note = 'Footnote has no figure for Scotland. The figures below are for England and are labelled as England\'s.';
    expect(text(show(props({ nationNote: note })).querySelector('.fn-nation-note'))).toBe(note);
    expect(text(show(props({ figures: emptyFigures() })).querySelector('.fn-empty'))).toBe('Footnote has no figure for this claim yet.');
  });

  it('announces loading and errors in the live region, without figures', () => {
    let host = show(props({ status: { kind: 'loading' }, statement: null }));
    expect(text(host.querySelector('[aria-live]'))).toBe('Loading the record…');
    expect(host.querySelector('.fn-group')).toBeNull();
    expect(host.querySelector('.fn-statement')).toBeNull();
    host = show(props({ status: { kind: 'error', message: 'No handler here for "evidence/forClaim"' } }));
    expect(text(host.querySelector('[aria-live]'))).toBe('Could not load the record: No handler here for "evidence/forClaim"');
    host = show(props({ notice: 'Could not pause: offline' }));
    expect(text(host.querySelector('[aria-live]'))).toBe('Could not pause: offline');
  });

  it('has "Not a claim here" and "Pause on this site", and no "Save clip" until clips provide it', () => {
    const p = props();
    let host = show(p);
    const buttons = () => [...host.querySelectorAll('.fn-actions button')].map((b) => text(b));
    expect(buttons()).toEqual(['Not a claim here', 'Pause on this site']);
    (host.querySelectorAll('.fn-actions button')[0] as HTMLButtonElement).click();
    (host.querySelectorAll('.fn-actions button')[1] as HTMLButtonElement).click();
    (host.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(p.onDismiss).toHaveBeenCalledOnce();
    expect(p.onPause).toHaveBeenCalledOnce();
    expect(p.onClose).toHaveBeenCalledOnce();

    const onSaveClip = vi.fn();
    host = show(props({ onSaveClip, busy: true }));
    expect(buttons()).toEqual(['Save clip', 'Not a claim here', 'Pause on this site']);
    expect([...host.querySelectorAll('.fn-actions button')].every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });

  it('renders hostile strings from a page or a pack as text, and never links a non-http URL', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const evil: Evidence = {
      ...faceToFace,
      figure: hostile,
      source: { ...faceToFace.source, title: hostile, url: 'javascript:window.__pwned=1' },
    };
    const host = show(props({ quote: hostile, wording: hostile, statement: hostile, figures: groupFigures([{ evidence: evil }]) }));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('script')).toBeNull();
    expect(text(host.querySelector('blockquote'))).toBe(hostile);
    expect(text(host.querySelector('.fn-figure-value'))).toBe(hostile);
    expect(host.querySelector('.fn-source a')!.hasAttribute('href')).toBe(false);
  });
});

describe('Card: cite and report', () => {
  it('copies a figure with its source as text and as a Markdown link, handing on the click', () => {
    const onCopy = vi.fn();
    const host = show(props({ onCopy }));
    (host.querySelector('[data-action=copy-text]') as HTMLButtonElement).click();
    (host.querySelector('[data-action=copy-markdown]') as HTMLButtonElement).click();
    expect(onCopy.mock.calls.map((c) => [c[0], c[1], c[2] instanceof Event])).toEqual([
      [
        '164m face-to-face appointments (March 2020 – March 2021, England, general practice). Source: BMA delivers vote of no confidence in NHS England over failure to support GPs, GPonline, May 2021. https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665',
        'text',
        true,
      ],
      [
        '164m face-to-face appointments (March 2020 – March 2021, England, general practice). Source: [BMA delivers vote of no confidence in NHS England over failure to support GPs](https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665), GPonline, May 2021.',
        'markdown',
        true,
      ],
    ]);
    // Without onCopy there are no copy buttons.
    expect(show(props()).querySelector('[data-action=copy-text]')).toBeNull();
  });

  it('opens the report form with its four choices, sends the choice and note, and closes', () => {
    const onReport = vi.fn();
    const host = show(props({ onReport }));
    act(() => (host.querySelector('[data-action=report]') as HTMLButtonElement).click());
    const choices = [...host.querySelectorAll<HTMLInputElement>('.fn-report input[type=radio]')];
    expect(choices.map((c) => text(c.parentElement))).toEqual(['Not a claim', 'Wrong stance', 'Wrong figure', 'Other']);
    expect(choices[0]!.checked).toBe(true);
    expect(host.querySelector('[data-action=report]')).toBeNull();
    act(() => choices[2]!.click());
    const note = host.querySelector<HTMLTextAreaElement>('[data-testid=report-note]')!;
    act(() => {
      note.value = '  The figure is for Wales.  ';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (host.querySelector('[data-action=report-send]') as HTMLButtonElement).click());
    expect(onReport.mock.calls).toEqual([[{ problem: 'wrong-figure', note: 'The figure is for Wales.' }]]);
    expect(host.querySelector('.fn-report')).toBeNull();
    expect(host.querySelector('[data-action=report]')).not.toBeNull();
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2021', '2021'],
    ['2021-05', 'May 2021'],
    ['2020-05-28', '28 May 2020'],
    ['2024-12-01', '1 December 2024'],
  ])('%s → %s', (input, expected) => expect(formatPartialDate(input)).toBe(expected));
});
