/**
 * Add or edit one figure. Validates as the reader types with the shared evidence schema and shows
 * its message under each field once the field was left (or on save). Pure: values in, a valid
 * Evidence record out through onSave.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { evidenceSchema, nationSchema, type Direction, type Evidence } from '@/lib/model/records';
import type { StoredClaim } from '@/lib/model/stored';
import { DIRECTION_LABEL, orderClaims } from './evidence-format';

export interface EvidenceFormValues {
  figure: string;
  value: string;
  unit: string;
  from: string;
  to: string;
  label: string;
  geography: string;
  nation: string;
  claimIds: string[];
  direction: Direction;
  publisher: string;
  title: string;
  titleFromUrl: boolean;
  published: string;
  publishedNote: string;
  url: string;
  quotedFrom: string;
  quote: string;
  checked: string;
  caution: string;
}
export type FieldName = Exclude<keyof EvidenceFormValues, 'titleFromUrl'>;

export function valuesFrom(e?: Evidence): EvidenceFormValues {
  return {
    figure: e?.figure ?? '',
    value: e?.value === undefined ? '' : String(e.value),
    unit: e?.unit ?? '',
    from: e?.period.from ?? '',
    to: e?.period.to ?? '',
    label: e?.period.label ?? '',
    geography: e?.geography ?? 'England',
    nation: e?.nation ?? 'England',
    claimIds: e ? [...e.claimIds] : [],
    direction: e?.direction ?? 'counters',
    publisher: e?.source.publisher ?? '',
    title: e?.source.title ?? '',
    titleFromUrl: e?.source.titleFromUrl ?? false,
    published: e?.source.published ?? '',
    publishedNote: e?.source.publishedNote ?? '',
    url: e?.source.url ?? '',
    quotedFrom: e?.source.quotedFrom ?? '',
    quote: e?.source.quote ?? '',
    checked: e?.source.checked ?? '',
    caution: e?.caution ?? '',
  };
}

const optional = (s: string) => (s.trim() === '' ? undefined : s);

/** The record the values describe (not yet validated). */
export function toEvidence(v: EvidenceFormValues, id: string): Record<string, unknown> {
  return {
    id,
    figure: v.figure,
    ...(v.value.trim() !== '' ? { value: Number(v.value.trim()) } : {}),
    ...(optional(v.unit) ? { unit: v.unit } : {}),
    period: { from: v.from.trim(), to: v.to.trim(), label: v.label },
    geography: v.geography,
    nation: v.nation,
    claimIds: v.claimIds,
    direction: v.direction,
    source: {
      publisher: v.publisher,
      title: v.title,
      ...(v.titleFromUrl ? { titleFromUrl: true } : {}),
      published: v.published.trim(),
      ...(optional(v.publishedNote) ? { publishedNote: v.publishedNote } : {}),
      url: v.url.trim(),
      quotedFrom: v.quotedFrom,
      ...(optional(v.quote) ? { quote: v.quote } : {}),
      checked: v.checked,
    },
    ...(optional(v.caution) ? { caution: v.caution } : {}),
  };
}

const FIELD_OF_PATH: Record<string, FieldName> = {
  figure: 'figure', value: 'value', unit: 'unit', 'period.from': 'from', 'period.to': 'to', 'period.label': 'label', period: 'to',
  geography: 'geography', nation: 'nation', claimIds: 'claimIds', direction: 'direction', caution: 'caution',
  'source.publisher': 'publisher', 'source.title': 'title', 'source.published': 'published', 'source.publishedNote': 'publishedNote',
  'source.url': 'url', 'source.quotedFrom': 'quotedFrom', 'source.quote': 'quote', 'source.checked': 'checked',
};

/**
 * The schema's message as the form shows it, beside the field's own label: the field's name is
 * dropped where the message starts with it ("the publisher (required)" → "Required.",
 * "the title: at most 500 characters" → "At most 500 characters.").
 */
function sentence(message: string): string {
  const m = message === 'Invalid input' ? 'check this field' : message.replace(/^.+? \(required\)$/, 'required').replace(/^[^:]+: (at most .+)$/, '$1');
  return m.charAt(0).toUpperCase() + m.slice(1) + (/[.)]$/.test(m) ? '' : '.');
}

/** Each field's problem, in the schema's own words. */
export function validate(v: EvidenceFormValues, id: string): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (v.value.trim() !== '' && !Number.isFinite(Number(v.value.trim()))) errors.value = 'A number, such as 164 or 57.2, or nothing.';
  // A record with no claim is valid in a pack, but a figure the reader adds must show somewhere.
  if (v.claimIds.length === 0) errors.claimIds = 'Tick at least one claim: a figure is shown only beside the claims it speaks to.';
  const parsed = evidenceSchema.safeParse(toEvidence(v, id));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.filter((p) => typeof p === 'string').join('.');
      const field = FIELD_OF_PATH[key] ?? FIELD_OF_PATH[key.split('.').slice(0, 2).join('.')] ?? 'figure';
      errors[field] ??= sentence(issue.message);
    }
  }
  return errors;
}

const LABELS: Record<FieldName, string> = {
  figure: 'The figure as shown', value: 'Value', unit: 'Unit', from: 'Period from', to: 'Period to', label: 'Period as shown',
  geography: 'Geography', nation: 'Nation', claimIds: 'Claims it speaks to', direction: 'What it does to the claim',
  publisher: 'Publisher', title: 'Title', published: 'Date published', publishedNote: 'Note on the date', url: 'Link (URL)',
  quotedFrom: 'Who is quoted', quote: 'Quote', checked: 'How it was checked', caution: 'Caution for the reader',
};

const HINTS: Partial<Record<FieldName, string>> = {
  figure: 'As a reader should see it: “164m face-to-face appointments”.',
  value: 'Optional: the number alone, if there is one.',
  unit: 'Optional: “million appointments”, “%”.',
  from: 'YYYY, YYYY-MM or YYYY-MM-DD.',
  to: 'YYYY, YYYY-MM or YYYY-MM-DD.',
  label: '“March 2020 – March 2021”.',
  published: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as the page is.',
  publishedNote: 'Optional: say so if the page showed no date and you inferred it.',
  url: 'The page a reader can open (http or https).',
  quotedFrom: '“BMA GP committee chair, citing official figures”.',
  quote: 'Optional: the words as the source prints them.',
  checked: 'Honestly: what you compared it with, and when.',
  caution: 'Optional: a disputed count, a changed series, a figure that cuts both ways.',
};

export interface EvidenceFormProps {
  mode: 'add' | 'edit';
  claims: readonly StoredClaim[];
  /** The record being edited. */
  initial?: Evidence;
  /** The id the record will be saved under (kept on edit). */
  id: string;
  saving?: boolean;
  /** The background's refusal, if saving failed. */
  error?: string | null;
  onSave(evidence: Evidence): void;
  onCancel(): void;
}

export function EvidenceForm(props: EvidenceFormProps) {
  const [values, setValues] = useState<EvidenceFormValues>(() => valuesFrom(props.initial));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [tried, setTried] = useState(false);
  // Bumped on each refused save, so the summary takes focus again even if it is already shown.
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);
  const errors = validate(values, props.id);
  const shown = (f: FieldName) => (tried || touched[f] ? errors[f] : undefined);
  const set = <K extends keyof EvidenceFormValues>(key: K, value: EvidenceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const leave = (f: FieldName) => setTouched((t) => (t[f] ? t : { ...t, [f]: true }));
  const problems = (Object.keys(errors) as FieldName[]).filter((f) => errors[f]);
  const heading = props.mode === 'add' ? 'Add a figure' : 'Edit figure';

  function field(name: Exclude<FieldName, 'claimIds' | 'direction' | 'nation'>, options: { required?: boolean; multiline?: boolean; type?: 'text' | 'url' } = {}) {
    const id = `ev-${name}`;
    const error = shown(name);
    const describedBy = [HINTS[name] ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      name,
      value: values[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      'aria-required': options.required ? true : undefined,
      onInput: (ev: Event) => set(name, (ev.currentTarget as HTMLInputElement).value),
      onBlur: () => leave(name),
    };
    return (
      <div class={`field field-${name}${error ? ' has-error' : ''}`}>
        <label for={id}>
          {LABELS[name]}
          {options.required && <span class="required"> (required)</span>}
        </label>
        {HINTS[name] && (
          <p id={`${id}-hint`} class="hint">
            {HINTS[name]}
          </p>
        )}
        {options.multiline ? <textarea rows={2} {...common} /> : <input type="text" inputMode={options.type === 'url' ? 'url' : undefined} {...common} />}
        {error && (
          <p id={`${id}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  function submit(ev: Event) {
    ev.preventDefault();
    setTried(true);
    if (problems.length > 0) {
      // Focus the summary so a screen reader hears what to fix; each entry links to its field.
      setAttempt((n) => n + 1);
      return;
    }
    props.onSave(evidenceSchema.parse(toEvidence(values, props.id)));
  }

  return (
    <form class="evidence-form" aria-labelledby="evidence-form-title" noValidate onSubmit={submit}>
      <h3 id="evidence-form-title">{heading}</h3>
      {tried && problems.length > 0 && (
        <div id="ev-error-summary" class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            {problems.length === 1 ? 'One field needs attention' : `${problems.length} fields need attention`} before this figure can be saved:
          </p>
          <ul>
            {problems.map((f) => (
              <li key={f}>
                <a href={`#ev-${f}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(`ev-${f}`)?.focus(); }}>
                  {LABELS[f]}: {errors[f]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.error && (
        <p class="error" role="alert">
          Not saved: {props.error}
        </p>
      )}

      {field('figure', { required: true, multiline: true })}
      <div class="field-row">
        {field('value', { type: 'text' })}
        {field('unit')}
      </div>

      <fieldset>
        <legend>Period it covers</legend>
        <div class="field-row">
          {field('from', { required: true })}
          {field('to', { required: true })}
        </div>
        {field('label', { required: true })}
      </fieldset>

      <div class="field-row">
        {field('geography', { required: true })}
        <div class="field field-nation">
          <label for="ev-nation">{LABELS.nation}</label>
          <select id="ev-nation" value={values.nation} onChange={(ev) => set('nation', (ev.currentTarget as HTMLSelectElement).value)}>
            {nationSchema.options.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset class="field-claims" aria-describedby={shown('claimIds') ? 'ev-claimIds-error' : undefined}>
        <legend>{LABELS.claimIds}</legend>
        {props.claims.length === 0 && <p class="hint">No claims in the store yet.</p>}
        {orderClaims(props.claims).map((c, i) => (
          <label key={c.id} class="check">
            <input
              type="checkbox"
              // The error summary's link for this group moves focus to its first box.
              id={i === 0 ? 'ev-claimIds' : undefined}
              aria-invalid={shown('claimIds') ? true : undefined}
              name="claimIds"
              value={c.id}
              checked={values.claimIds.includes(c.id)}
              onChange={(ev) => {
                const on = (ev.currentTarget as HTMLInputElement).checked;
                set('claimIds', on ? [...values.claimIds, c.id] : values.claimIds.filter((x) => x !== c.id));
              }}
            />{' '}
            {c.statement}
          </label>
        ))}
        {shown('claimIds') && (
          <p id="ev-claimIds-error" class="field-error">
            {shown('claimIds')}
          </p>
        )}
      </fieldset>

      <fieldset class="field-direction">
        <legend>{LABELS.direction}</legend>
        {(Object.keys(DIRECTION_LABEL) as Direction[]).map((d) => (
          <label key={d} class="check">
            <input type="radio" name="direction" value={d} checked={values.direction === d} onChange={() => set('direction', d)} /> {DIRECTION_LABEL[d]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Source</legend>
        {field('publisher', { required: true })}
        {field('title', { required: true })}
        <label class="check">
          <input type="checkbox" id="ev-titleFromUrl" checked={values.titleFromUrl} onChange={(ev) => set('titleFromUrl', (ev.currentTarget as HTMLInputElement).checked)} />{' '}
          The page shows no headline: the title was read from its address
        </label>
        <div class="field-row">
          {field('published', { required: true })}
          {field('publishedNote')}
        </div>
        {field('url', { required: true, type: 'url' })}
        {field('quotedFrom', { required: true })}
        {field('quote', { multiline: true })}
        {field('checked', { required: true, multiline: true })}
      </fieldset>

      {field('caution', { multiline: true })}

      <div class="form-actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : props.mode === 'add' ? 'Add figure' : 'Save changes'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
