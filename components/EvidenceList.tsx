/**
 * The options page's list of figures, searchable and grouped by claim, each with its source.
 * Pure: records and the query in, edit/delete requests out.
 */
import { useState } from 'preact/hooks';
import type { StoredClaim, StoredEvidence } from '@/lib/model/stored';
import { t } from '@/lib/i18n';
import { directionLabel, figureCount, filterEvidence, groupByClaim, originLabel, safeHref } from './evidence-format';
import { formatPartialDate } from './partial-date';

export interface EvidenceListProps {
  claims: readonly StoredClaim[];
  evidence: readonly StoredEvidence[];
  query: string;
  onQuery(query: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  /** A record being saved or deleted: its buttons wait. */
  busyId?: string | null;
}

/**
 * Figures drawn at first, and added per "Show more": a pack of thousands would otherwise take
 * seconds to appear, and every key press in the search would draw them all again.
 */
export const LIST_PAGE = 100;

/** The groups cut to their first `limit` figures in all, in order; and how many were left out. */
export function firstFigures<G extends { evidence: readonly unknown[] }>(groups: readonly G[], limit: number): { groups: G[]; hidden: number } {
  const out: G[] = [];
  let left = limit;
  let hidden = 0;
  for (const g of groups) {
    if (left <= 0) {
      hidden += g.evidence.length;
      continue;
    }
    const shown = g.evidence.slice(0, left);
    hidden += g.evidence.length - shown.length;
    left -= shown.length;
    out.push({ ...g, evidence: shown });
  }
  return { groups: out, hidden };
}

export function EvidenceItem({ evidence: e, groupId, onEdit, onDelete, busy }: {
  evidence: StoredEvidence;
  groupId: string;
  onEdit(id: string): void;
  onDelete(id: string): void;
  busy: boolean;
}) {
  const s = e.source;
  const titleId = `fig-${groupId}-${e.id}`;
  return (
    <li>
      <article class={`evidence-item dir-${e.direction}`} aria-labelledby={titleId} data-evidence={e.id}>
        <h4 id={titleId} class="evidence-figure">
          {e.figure}
        </h4>
        <p class="evidence-meta">
          <span class={`badge badge-${e.direction}`}>{directionLabel(e.direction)}</span> <span>{e.period.label}</span>
          <span aria-hidden="true"> · </span>
          <span>{e.geography}</span>
          <span aria-hidden="true"> · </span>
          <span class="origin">{originLabel(e.origin)}</span>
        </p>
        {e.caution && (
          <p class="evidence-caution">
            <strong>{t('evidenceCaution')}</strong> {e.caution}
          </p>
        )}
        <p class="evidence-source">
          {t('evidenceSource')} {s.publisher},{' '}
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer" class="source-link">
            {s.title}
          </a>
          {s.titleFromUrl && <span class="muted"> {t('evidenceTitleFromUrl')}</span>}, {formatPartialDate(s.published)}
          {s.publishedNote && <span class="muted"> ({s.publishedNote})</span>}. {t('evidenceQuoted', s.quotedFrom)}
        </p>
        {s.quote && <blockquote class="evidence-quote">{s.quote}</blockquote>}
        <details class="evidence-checked">
          <summary>{t('evidenceHowChecked')}</summary>
          <p>{s.checked}</p>
        </details>
        <div class="evidence-actions">
          <button type="button" id={`edit-${groupId}-${e.id}`} data-edit={e.id} disabled={busy} onClick={() => onEdit(e.id)} aria-label={t('evidenceEditLabel', e.figure)}>
            {t('evidenceEdit')}
          </button>
          <button type="button" class="danger" data-delete={e.id} disabled={busy} onClick={() => onDelete(e.id)} aria-label={t('evidenceDeleteLabel', e.figure)}>
            {t('evidenceDelete')}
          </button>
        </div>
      </article>
    </li>
  );
}

export function EvidenceList(props: EvidenceListProps) {
  const shown = filterEvidence(props.evidence, props.claims, props.query);
  // "Show more" counts for the search it was pressed in: a new search starts from the first page again.
  const [more, setMore] = useState({ query: props.query, limit: LIST_PAGE });
  const limit = more.query === props.query ? more.limit : LIST_PAGE;
  const all = groupByClaim(shown, props.claims);
  const { groups, hidden } = firstFigures(all, limit);
  const total = props.evidence.length;
  return (
    <div class="evidence-list">
      <div class="evidence-search">
        <label for="evidence-search">{t('evidenceSearchLabel')}</label>
        <input
          id="evidence-search"
          type="search"
          value={props.query}
          placeholder={t('evidenceSearchPlaceholder')}
          aria-describedby="evidence-count"
          onInput={(ev) => props.onQuery((ev.currentTarget as HTMLInputElement).value)}
        />
        <p id="evidence-count" class="muted" role="status" aria-live="polite">
          {props.query.trim()
            ? t('evidenceSearchCount', figureCount(shown.length), total.toLocaleString('en-GB'), props.query.trim())
            : t('evidenceListCount', figureCount(total))}
        </p>
      </div>
      {groups.length === 0 && <p class="evidence-empty">{total === 0 ? t('evidenceNone') : t('evidenceNoMatch')}</p>}
      {groups.map((g) => {
        const gid = g.id ?? 'unlinked';
        return (
          <section class="claim-group" aria-labelledby={`claim-${gid}`} key={gid} data-claim={g.id ?? ''}>
            <h3 id={`claim-${gid}`}>
              {g.title} <span class="muted">({figureCount(g.evidence.length)})</span>
            </h3>
            <ul class="evidence-items">
              {g.evidence.map((e) => (
                <EvidenceItem key={e.id} evidence={e} groupId={gid} onEdit={props.onEdit} onDelete={props.onDelete} busy={props.busyId === e.id} />
              ))}
            </ul>
          </section>
        );
      })}
      {hidden > 0 && (
        <p class="evidence-more">
          <button type="button" data-testid="evidence-more" onClick={() => setMore({ query: props.query, limit: limit + LIST_PAGE })}>
            {t('evidenceShowMore', Math.min(LIST_PAGE, hidden).toLocaleString('en-GB'))}
          </button>{' '}
          <span class="muted">{t('evidenceNotShown', figureCount(hidden))}</span>
        </p>
      )}
    </div>
  );
}
