/**
 * One text field of the evidence form: its label, its hint and its problem tied to the input for
 * screen readers. Pure: the value and the problem in, the reader's typing and leaving out.
 */
import type { FieldName } from './evidence-form-values';
import { t } from '@/lib/i18n';
import { fieldHint, fieldLabel } from './evidence-form-labels';

export type TextFieldName = Exclude<FieldName, 'claimIds' | 'direction' | 'nation'>;

export interface EvidenceFieldProps {
  name: TextFieldName;
  value: string;
  /** The problem to show, once the field was left or saving was tried. */
  error?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url';
  onInput(value: string): void;
  onLeave(): void;
}

export function EvidenceField({ name, value, error, required, multiline, type, onInput, onLeave }: EvidenceFieldProps) {
  const id = `ev-${name}`;
  const hint = fieldHint(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required ? true : undefined,
    onInput: (ev: Event) => onInput((ev.currentTarget as HTMLInputElement).value),
    onBlur: onLeave,
  };
  return (
    <div class={`field field-${name}${error ? ' has-error' : ''}`}>
      <label for={id}>
        {fieldLabel(name)}
        {required && <span class="required"> {t('evidenceRequired')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" inputMode={type === 'url' ? 'url' : undefined} {...common} />}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
