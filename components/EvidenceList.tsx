/**
 * The options page's list of figures, searchable and grouped by claim, each with its source.
 * Pure: records and the query in, edit/delete requests out.
 */
import type { StoredClaim, StoredEvidence } from '@/lib/db/stored';
import { DIRECTION_LABEL, filterEvidence, formatRecordDate, groupByClaim, originLabel, safeHref } from './evidence-format';

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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
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
          <span class={`badge badge-${e.direction}`}>{DIRECTION_LABEL[e.direction]}</span> <span>{e.period.label}</span>
          <span aria-hidden="true"> · </span>
          <span>{e.geography}</span>
          <span aria-hidden="true"> · </span>
          <span class="origin">{originLabel(e.origin)}</span>
        </p>
        {e.caution && (
          <p class="evidence-caution">
            <strong>Caution:</strong> {e.caution}
          </p>
        )}
        <p class="evidence-source">
          Source: {s.publisher},{' '}
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer" class="source-link">
            {s.title}
          </a>
          {s.titleFromUrl && <span class="muted"> (title read from the page address)</span>}, {formatRecordDate(s.published)}
          {s.publishedNote && <span class="muted"> ({s.publishedNote})</span>}. Quoted: {s.quotedFrom}.
        </p>
        {s.quote && <blockquote class="evidence-quote">{s.quote}</blockquote>}
        <details class="evidence-checked">
          <summary>How it was checked</summary>
          <p>{s.checked}</p>
        </details>
        <div class="evidence-actions">
          <button type="button" id={`edit-${groupId}-${e.id}`} data-edit={e.id} disabled={busy} onClick={() => onEdit(e.id)} aria-label={`Edit figure: ${e.figure}`}>
            Edit
          </button>
          <button type="button" class="danger" data-delete={e.id} disabled={busy} onClick={() => onDelete(e.id)} aria-label={`Delete figure: ${e.figure}`}>
            Delete
          </button>
        </div>
      </article>
    </li>
  );
}

export function EvidenceList(props: EvidenceListProps) {
  const shown = filterEvidence(props.evidence, props.claims, props.query);
  const groups = groupByClaim(shown, props.claims);
  const total = props.evidence.length;
  return (
    <div class="evidence-list">
      <div class="evidence-search">
        <label for="evidence-search">Search figures</label>
        <input
          id="evidence-search"
          type="search"
          value={props.query}
          placeholder="a figure, a publisher, a year…"
          aria-describedby="evidence-count"
          onInput={(ev) => props.onQuery((ev.currentTarget as HTMLInputElement).value)}
        />
        <p id="evidence-count" class="muted" role="status" aria-live="polite">
          {props.query.trim() ? `${plural(shown.length, 'figure')} of ${total.toLocaleString('en-GB')} match “${props.query.trim()}”.` : `${plural(total, 'figure')}, grouped by the claim each speaks to.`}
        </p>
      </div>
      {groups.length === 0 && <p class="evidence-empty">{total === 0 ? 'No figures yet.' : 'No figure matches the search.'}</p>}
      {groups.map((g) => {
        const gid = g.id ?? 'unlinked';
        return (
          <section class="claim-group" aria-labelledby={`claim-${gid}`} key={gid} data-claim={g.id ?? ''}>
            <h3 id={`claim-${gid}`}>
              {g.title} <span class="muted">({plural(g.evidence.length, 'figure')})</span>
            </h3>
            <ul class="evidence-items">
              {g.evidence.map((e) => (
                <EvidenceItem key={e.id} evidence={e} groupId={gid} onEdit={props.onEdit} onDelete={props.onDelete} busy={props.busyId === e.id} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
