/**
 * The evidence form's values: read from a record, turned back into one, and checked with the
 * shared evidence schema, each problem put under the field it belongs to in the schema's words.
 */
import { evidenceSchema, type Direction, type Evidence } from '@/lib/model/records';
import { t } from '@/lib/i18n';

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
  if (message === 'Invalid input') return t('evidenceErrorCheck');
  if (/^.+? \(required\)$/.test(message)) return t('evidenceErrorRequired');
  const m = message.replace(/^[^:]+: (at most .+)$/, '$1');
  return m.charAt(0).toUpperCase() + m.slice(1) + (/[.)]$/.test(m) ? '' : '.');
}

/** Each field's problem, in the schema's own words. */
export function validate(v: EvidenceFormValues, id: string): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (v.value.trim() !== '' && !Number.isFinite(Number(v.value.trim()))) errors.value = t('evidenceErrorNumber');
  // A record with no claim is valid in a pack, but a figure the reader adds must show somewhere.
  if (v.claimIds.length === 0) errors.claimIds = t('evidenceErrorNoClaim');
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
