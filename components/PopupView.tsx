import type { ClaimMatch } from '@/lib/model/scan';
import type { TabState } from '@/lib/messages';
import { t } from '@/lib/i18n';

export interface PopupViewProps {
  state: TabState | null;
  error: string | null;
  busy: boolean;
  onTogglePause(paused: boolean): void;
  /** Scrolls the page to a flagged claim and opens its card; without it the list has no jump links. */
  onJump?(claim: ClaimMatch): void;
  /** Clips the page's selection; without it there is no "Save selection as clip" button. */
  onSaveClip?(): void;
  /** What became of the last "Save selection as clip" (no selection, editor opened). */
  clipNotice?: string | null;
  /** Opens the clips side panel (Chrome) or sidebar (Firefox). */
  onOpenClips?(): void;
  /** The welcome and help page; without it the popup has no help link. */
  helpHref?: string;
}

/** The flagged claims of the page, each with a jump to its mark. */
function FlaggedClaims({ claims, onJump }: { claims: ClaimMatch[]; onJump?(claim: ClaimMatch): void }) {
  return (
    <section class="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{t('popupFlaggedHeading')}</h2>
      <ol data-testid="claims">
        {claims.map((claim, i) => (
          <li key={`${claim.claimId}:${claim.start}:${i}`}>
            {onJump ? (
              <button type="button" class="jump" data-testid="jump" data-claim={claim.claimId} onClick={() => onJump(claim)}>
                <span aria-hidden="true">“</span>
                {claim.text}
                <span aria-hidden="true">”</span>
                <span class="jump-label"> {t('popupShowInPage')}</span>
              </button>
            ) : (
              claim.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(state: TabState): string {
  if (!state.seen) return t('popupNotRead');
  if (state.paused) return t('popupPaused');
  if (!state.article) return t('popupSeen');
  if (!state.article.isArticle) return t('popupNotArticle');
  if (!state.article.onTopic) return t('popupOffTopic');
  const flagged = state.claims.filter((c) => c.highlight).length;
  if (flagged === 0) return t('popupNoneFound');
  return flagged === 1 ? t('popupFlaggedOne') : t('popupFlaggedMany', flagged);
}

export function PopupView({ state, error, busy, onTogglePause, onJump, onSaveClip, clipNotice, onOpenClips, helpHref }: PopupViewProps) {
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {state && (
        <>
          <p data-testid="page-state">{describe(state)}</p>
          {!state.paused && state.article?.textChars !== undefined && (
            <p class="note" data-testid="large-page">
              {t('popupLongPage', Math.round(state.article.textChars / 1000).toLocaleString('en-GB'))}
            </p>
          )}
          {!state.paused && state.claims.some((c) => c.highlight) && (
            <FlaggedClaims claims={state.claims.filter((c) => c.highlight)} onJump={onJump} />
          )}
          {onSaveClip && state.seen && (
            <p class="clip-action">
              <button type="button" data-testid="save-clip" onClick={onSaveClip}>
                {t('popupSaveClip')}
              </button>
              {onOpenClips && (
                <>
                  {' '}
                  <button type="button" data-testid="open-clips" onClick={onOpenClips}>
                    {t('popupYourClips')}
                  </button>
                </>
              )}
              {clipNotice && (
                <span role="status" data-testid="clip-notice">
                  {' '}
                  {clipNotice}
                </span>
              )}
            </p>
          )}
          {state.host && (
            <label class="switch">
              <input
                type="checkbox"
                data-testid="pause-site"
                checked={state.paused}
                disabled={busy}
                onChange={(e) => onTogglePause((e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{t('popupPauseSite', state.host)}</span>
            </label>
          )}
        </>
      )}
      {helpHref && (
        <p class="help">
          <a href={helpHref} target="_blank" rel="noopener" data-testid="help">
            {t('popupHelp')}
          </a>
        </p>
      )}
    </main>
  );
}
