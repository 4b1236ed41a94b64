/** The options page's list of sites where Footnote is paused, to resume one or all. */
import { dayOf } from './DismissedPassages';

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
  if (sites === null) return <p class="muted">Loading…</p>;
  if (sites.length === 0) return <p class="muted" data-testid="paused-empty">Footnote runs on every site. "Pause on this site" in a card or the popup adds one here.</p>;
  return (
    <div class="reader-list">
      <p>
        Paused on {sites.length} {sites.length === 1 ? 'site' : 'sites'}.{' '}
        <button type="button" data-testid="resume-all" disabled={busy} onClick={onResumeAll}>
          Resume all
        </button>
      </p>
      <ul data-testid="paused-sites">
        {sites.map((site) => (
          <li key={site.host} data-testid="paused-site">
            <strong>{site.host}</strong> <span class="muted">since {dayOf(site.updatedAt)}</span>{' '}
            <button type="button" data-testid="resume" disabled={busy} onClick={() => onResume(site.host)}>
              Resume
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
