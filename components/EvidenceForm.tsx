/**
 * Add or edit one figure. Validates as the reader types with the shared evidence schema and shows
 * its message under each field once the field was left (or on save). Pure: values in, a valid
 * Evidence record out through onSave.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { evidenceSchema, nationSchema, type Evidence } from '@/lib/model/records';
import type { StoredClaim } from '@/lib/model/stored';
import { t } from '@/lib/i18n';
import { DIRECTIONS, directionLabel, orderClaims } from './evidence-format';
import { EvidenceField, type EvidenceFieldProps, type TextFieldName } from './EvidenceField';
import { fieldLabel } from './evidence-form-labels';
import { toEvidence, validate, valuesFrom, type EvidenceFormValues, type FieldName } from './evidence-form-values';

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
  const heading = props.mode === 'add' ? t('evidenceFormAdd') : t('evidenceFormEdit');

  const field = (name: TextFieldName, options: Pick<EvidenceFieldProps, 'required' | 'multiline' | 'type'> = {}) => (
    <EvidenceField name={name} value={values[name]} error={shown(name)} {...options} onInput={(value) => set(name, value)} onLeave={() => leave(name)} />
  );

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
          <p>{problems.length === 1 ? t('evidenceFormProblemsOne') : t('evidenceFormProblemsMany', problems.length)}</p>
          <ul>
            {problems.map((f) => (
              <li key={f}>
                <a href={`#ev-${f}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(`ev-${f}`)?.focus(); }}>
                  {t('evidenceFormProblem', fieldLabel(f), errors[f] ?? '')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.error && (
        <p class="error" role="alert">
          {t('evidenceFormNotSaved', props.error)}
        </p>
      )}

      {field('figure', { required: true, multiline: true })}
      <div class="field-row">
        {field('value', { type: 'text' })}
        {field('unit')}
      </div>

      <fieldset>
        <legend>{t('evidenceFormPeriod')}</legend>
        <div class="field-row">
          {field('from', { required: true })}
          {field('to', { required: true })}
        </div>
        {field('label', { required: true })}
      </fieldset>

      <div class="field-row">
        {field('geography', { required: true })}
        <div class="field field-nation">
          <label for="ev-nation">{fieldLabel('nation')}</label>
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
        <legend>{fieldLabel('claimIds')}</legend>
        {props.claims.length === 0 && <p class="hint">{t('evidenceFormNoClaims')}</p>}
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
        <legend>{fieldLabel('direction')}</legend>
        {DIRECTIONS.map((d) => (
          <label key={d} class="check">
            <input type="radio" name="direction" value={d} checked={values.direction === d} onChange={() => set('direction', d)} /> {directionLabel(d)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('evidenceFormSource')}</legend>
        {field('publisher', { required: true })}
        {field('title', { required: true })}
        <label class="check">
          <input type="checkbox" id="ev-titleFromUrl" checked={values.titleFromUrl} onChange={(ev) => set('titleFromUrl', (ev.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('evidenceFormTitleFromUrl')}
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
          {props.saving ? t('evidenceFormSaving') : props.mode === 'add' ? t('evidenceFormAddButton') : t('evidenceFormSaveButton')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('evidenceFormCancel')}
        </button>
      </div>
    </form>
  );
}
