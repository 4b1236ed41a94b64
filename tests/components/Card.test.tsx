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
    const figure = host.querySelector('.fn-group-counters li')!;
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

  it('shows counter-figures first, then figures that qualify or support the claim, each with its source', () => {
    const context: Evidence = { ...faceToFace, id: 'context-one', direction: 'context', figure: 'Half of appointments in person' };
    const host = show(
      props({
        figures: groupFigures([{ evidence: spring2020 }, { evidence: context }, { evidence: faceToFace, afterArticle: true }]),
      }),
    );
    const groups = [...host.querySelectorAll('.fn-group')].map((g) => [text(g.querySelector('h3')), text(g.querySelector('.fn-figure-value'))]);
    expect(groups).toEqual([
      ['What the record shows', '164m face-to-face appointments'],
      ['Figures that qualify it', 'Half of appointments in person'],
      ['Figures that partly support the claim', 'Face-to-face share of appointments fell sharply in April 2020'],
    ]);
    expect(text(host.querySelector('.fn-group-counters .fn-later'))).toBe('Published after this article');
    expect(host.querySelector('.fn-group-supports .fn-later')).toBeNull();
    expect(host.querySelectorAll('.fn-group a[target="_blank"]')).toHaveLength(3);
  });

  it('shows the best-ranked figures first and keeps the rest behind "more", in ranked order', () => {
    const counters = ['a', 'b', 'c', 'd'].map((id) => ({ evidence: { ...faceToFace, id, figure: `figure ${id}` } }));
    const host = show(props({ figures: groupFigures(counters) }));
    const group = host.querySelector('.fn-group-counters')!;
    expect([...group.querySelectorAll(':scope > ul .fn-figure-value')].map(text)).toEqual(['figure a', 'figure b']);
    const more = group.querySelector('details.fn-more')!;
    expect(more.hasAttribute('open')).toBe(false);
    expect(text(more.querySelector('summary'))).toBe('2 more figures');
    expect([...more.querySelectorAll('.fn-figure-value')].map(text)).toEqual(['figure c', 'figure d']);
    expect(show(props()).querySelector('details')).toBeNull();
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
