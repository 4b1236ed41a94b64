import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { EvidenceForm } from '@/components/EvidenceForm';
import { toEvidence, validate, valuesFrom } from '@/components/evidence-form-values';
import type { Evidence } from '@/lib/model/records';
import type { StoredClaim } from '@/lib/model/stored';
import { CLAIMS, ev } from '../model/evidence-fixtures';
import { tick, typeInto, until } from './evidence-ui-helpers';

const claims: StoredClaim[] = CLAIMS.map((c) => ({ ...c, origin: { kind: 'builtin', packId: 'builtin', packVersion: 1 }, updatedAt: 1 }));

function show(props: Partial<Parameters<typeof EvidenceForm>[0]> = {}) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const onSave = vi.fn();
  render(<EvidenceForm mode="add" claims={claims} id="mine-new" onSave={onSave} onCancel={() => {}} {...props} />, host);
  return { host, onSave, q: <T extends Element>(s: string) => host.querySelector<T>(s) };
}

describe('EvidenceForm validation', () => {
  it('an untouched new form says nothing until a field is left or save is tried', async () => {
    const { host, q } = show();
    expect(host.querySelectorAll('.field-error')).toHaveLength(0);
    typeInto(q('#ev-url'), 'javascript:alert(1)');
    await tick();
    expect(q('#ev-url-error')!.textContent).toBe('An http(s) URL.');
    expect(q('#ev-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(q('#ev-url')!.getAttribute('aria-describedby')).toBe('ev-url-hint ev-url-error');
    // Only the field left so far shows its error.
    expect(host.querySelectorAll('.field-error')).toHaveLength(1);
  });

  it('explains each error in the schema\'s words as the reader types, and clears it when fixed', async () => {
    const { q } = show();
    typeInto(q('#ev-published'), 'May 2021');
    typeInto(q('#ev-from'), '2021-03');
    typeInto(q('#ev-to'), '2020-03');
    typeInto(q('#ev-value'), '164m');
    await tick();
    expect(q('#ev-published-error')!.textContent).toBe('A date written YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(q('#ev-to-error')!.textContent).toBe('The period must not end before it starts.');
    expect(q('#ev-value-error')!.textContent).toBe('A number, such as 164 or 57.2, or nothing.');
    typeInto(q('#ev-published'), '2021-05');
    typeInto(q('#ev-to'), '2021-03');
    typeInto(q('#ev-value'), '164');
    await tick();
    expect(q('#ev-published-error')).toBeNull();
    expect(q('#ev-to-error')).toBeNull();
    expect(q('#ev-value-error')).toBeNull();
  });

  it('on a refused save lists every problem with a link to its field, and focuses the list', async () => {
    const { q, onSave } = show();
    q<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const summary = await until(() => q('#ev-error-summary'), 'the error summary');
    expect(summary.getAttribute('role')).toBe('alert');
    await until(() => document.activeElement === summary, 'focus on the error summary');
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['#ev-figure', '#ev-from', '#ev-url', '#ev-checked']));
    expect(summary.textContent).toContain('The figure as shown: Required.');
    expect(summary.textContent).not.toMatch(/The figure as shown: The figure as shown/);
    expect(summary.textContent).toContain('Claims it speaks to: Tick at least one claim: a figure is shown only beside the claims it speaks to.');
    expect(links).toContain('#ev-claimIds');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid record built from the fields', async () => {
    const { q, onSave } = show({ mode: 'edit', initial: ev('x1'), id: 'x1' });
    typeInto(q('#ev-figure'), '  A new figure  ');
    typeInto(q('#ev-publishedNote'), '');
    await tick();
    q<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick();
    const saved = onSave.mock.calls[0]![0] as Evidence;
    expect(saved).toEqual({ ...ev('x1'), figure: 'A new figure', source: { ...ev('x1').source, publishedNote: undefined } });
  });

  it('round-trips a record through its form values', () => {
    const e = ev('x', { caution: 'c', source: { ...ev('x').source, titleFromUrl: true } });
    expect(toEvidence(valuesFrom(e), 'x')).toEqual(JSON.parse(JSON.stringify(e)));
    expect(validate(valuesFrom(e), 'x')).toEqual({});
  });

  it('labels every control', () => {
    const { host } = show();
    for (const el of host.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea, select')) {
      expect(host.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
    expect(host.querySelectorAll('fieldset legend').length).toBeGreaterThanOrEqual(4);
  });
});
