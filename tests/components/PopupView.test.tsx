import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { PopupView } from '@/components/PopupView';
import type { ClaimMatch } from '@/lib/model/scan';
import type { TabState } from '@/lib/messages';

const claim = (claimId: string, text: string, highlight = true): ClaimMatch => ({
  claimId,
  text,
  start: 0,
  end: text.length,
  stance: highlight ? 'asserted' : 'rebutted',
  highlight,
  wording: text,
  evidence: [],
});

const state = (over: Partial<TabState> = {}): TabState => ({
  url: 'https://news.example/a',
  host: 'news.example',
  seen: true,
  paused: false,
  article: { isArticle: true, onTopic: true, topicScore: 0.9, title: 'GP access', signals: [] },
  claims: [
    claim('practices-closed', 'practices were closed'),
    claim('practices-closed', 'the false narrative that practices were closed', false),
    claim('no-face-to-face', 'patients could not see a GP face to face'),
  ],
  ...over,
});

function show(s: TabState, onJump?: (c: ClaimMatch) => void) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  render(<PopupView state={s} error={null} busy={false} onTogglePause={() => {}} onJump={onJump} />, host);
  return host;
}

describe('PopupView flagged claims', () => {
  it('lists the flagged claims (not rebuttals), each with a jump to the page', () => {
    const onJump = vi.fn();
    const host = show(state(), onJump);
    const buttons = [...host.querySelectorAll<HTMLButtonElement>('[data-testid=jump]')];
    expect(buttons.map((b) => b.textContent)).toEqual([
      '“practices were closed” Show in page',
      '“patients could not see a GP face to face” Show in page',
    ]);
    buttons[1]!.click();
    expect(onJump).toHaveBeenCalledWith(expect.objectContaining({ claimId: 'no-face-to-face', text: 'patients could not see a GP face to face' }));
  });

  it('shows no list when paused or when nothing is flagged', () => {
    expect(show(state({ paused: true }), vi.fn()).querySelector('[data-testid=claims]')).toBeNull();
    expect(show(state({ claims: [] }), vi.fn()).querySelector('[data-testid=claims]')).toBeNull();
  });

  it('renders page text as text', () => {
    const host = show(state({ claims: [claim('x', '<img src=x onerror=alert(1)>')] }), vi.fn());
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('[data-testid=jump]')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('PopupView on a very long article', () => {
  it('says the page is large and that what is in view is marked first; says nothing of an ordinary one', () => {
    const long = state({ article: { isArticle: true, onTopic: true, topicScore: 0.9, title: 'GP access', signals: [], textChars: 5_043_175 } });
    expect(show(long).querySelector('[data-testid=large-page]')!.textContent).toBe(
      'This page is very long (5,043 thousand characters of article text): Footnote marks what is in view and near it first, then the rest.',
    );
    expect(show(state()).querySelector('[data-testid=large-page]')).toBeNull();
    expect(show({ ...long, paused: true }).querySelector('[data-testid=large-page]')).toBeNull();
  });
});
