/**
 * The card's "Report a false flag" form: what is wrong (one choice) and a note. Pure: the choice
 * and note are kept here until sent; the card's owner keeps the report (locally).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REPORT_PROBLEMS, type ReportInput, type ReportProblem } from '@/lib/model/report';
import { problemWords } from './report-problem';
import { t } from '@/lib/i18n';

export interface ReportFormProps {
  busy?: boolean;
  onSubmit(input: ReportInput): void;
  onCancel(): void;
}

export function ReportForm({ busy, onSubmit, onCancel }: ReportFormProps) {
  const [problem, setProblem] = useState<ReportProblem>('not-a-claim');
  const [note, setNote] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Opened from its button, which goes away: focus goes to the first choice, not to the page.
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  return (
    <form
      ref={form}
      class="fn-report"
      aria-labelledby="fn-report-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ problem, note: note.trim().slice(0, 2000) });
      }}
    >
      <h3 id="fn-report-title">{t('reportTitle')}</h3>
      <p class="fn-report-hint">{t('reportHint')}</p>
      <fieldset>
        <legend>{t('reportWhatIsWrong')}</legend>
        {REPORT_PROBLEMS.map((p) => (
          <label key={p}>
            <input type="radio" name="fn-report-problem" value={p} data-problem={p} checked={problem === p} onChange={() => setProblem(p)} />
            {problemWords(p)}
          </label>
        ))}
      </fieldset>
      <label class="fn-report-note">
        {t('reportNote')}
        <textarea data-testid="report-note" rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="fn-report-buttons">
        <button type="submit" class="fn-primary" data-action="report-send" disabled={busy}>
          {t('reportKeep')}
        </button>
        <button type="button" data-action="report-cancel" onClick={onCancel}>
          {t('reportCancel')}
        </button>
      </div>
    </form>
  );
}
