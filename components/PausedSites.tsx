/** The options page's list of sites where Footnote is paused, to resume one or all. */
import { dayOf } from './DismissedPassages';
import { t } from '@/lib/i18n';

export interface PausedSite {
  host: string;
  updatedAt: number;
}

export interface PausedSitesProps {
  sites: PausedSite[] | null;
  busy?: boolean;
  onResume(host: string): void;
  onResumeAll(): void;
}

export function PausedSites({ sites, busy, onResume, onResumeAll }: PausedSitesProps) {
  if (sites === null) return <p class="muted">{t('listLoading')}</p>;
  if (sites.length === 0) return <p class="muted" data-testid="paused-empty">{t('pausedEmpty')}</p>;
  return (
    <div class="reader-list">
      <p>
        {sites.length === 1 ? t('pausedCountOne') : t('pausedCountMany', sites.length)}{' '}
        <button type="button" data-testid="resume-all" disabled={busy} onClick={onResumeAll}>
          {t('pausedResumeAll')}
        </button>
      </p>
      <ul data-testid="paused-sites">
        {sites.map((site) => (
          <li key={site.host} data-testid="paused-site">
            <strong>{site.host}</strong> <span class="muted">{t('pausedSince', dayOf(site.updatedAt))}</span>{' '}
            <button type="button" data-testid="resume" disabled={busy} onClick={() => onResume(site.host)}>
              {t('pausedResume')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
