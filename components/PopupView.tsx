import type { TabState } from '@/lib/messages';

export interface PopupViewProps {
  state: TabState | null;
  error: string | null;
  busy: boolean;
  onTogglePause(paused: boolean): void;
}

function describe(state: TabState): string {
  if (!state.seen) return 'Footnote has not read this page (it reads http and https pages only).';
  if (state.paused) return 'Paused on this site.';
  if (!state.article) return 'Page seen.';
  if (!state.article.isArticle) return 'Not a news article: nothing to check.';
  if (!state.article.onTopic) return 'Article seen: not about GP access.';
  const flagged = state.claims.filter((c) => c.highlight).length;
  return flagged === 0 ? 'Article about GP access: no contradicted claims found.' : `Article about GP access: ${flagged} claim${flagged === 1 ? '' : 's'} flagged.`;
}

export function PopupView({ state, error, busy, onTogglePause }: PopupViewProps) {
  return (
    <main class="popup">
      <h1>Footnote</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {state && (
        <>
          <p data-testid="page-state">{describe(state)}</p>
          {state.host && (
            <label class="switch">
              <input
                type="checkbox"
                data-testid="pause-site"
                checked={state.paused}
                disabled={busy}
                onChange={(e) => onTogglePause((e.currentTarget as HTMLInputElement).checked)}
              />
              <span>Pause Footnote on {state.host}</span>
            </label>
          )}
        </>
      )}
    </main>
  );
}
