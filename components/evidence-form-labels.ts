/**
 * What the evidence form calls each field, and the hint it shows under those that need one. Each
 * is a literal t() key, so that the catalogue test sees every message used.
 */
import { t } from '@/lib/i18n';
import type { FieldName } from './evidence-form-values';

const LABELS: Record<FieldName, () => string> = {
  figure: () => t('evidenceFieldFigure'),
  value: () => t('evidenceFieldValue'),
  unit: () => t('evidenceFieldUnit'),
  from: () => t('evidenceFieldFrom'),
  to: () => t('evidenceFieldTo'),
  label: () => t('evidenceFieldLabel'),
  geography: () => t('evidenceFieldGeography'),
  nation: () => t('evidenceFieldNation'),
  claimIds: () => t('evidenceFieldClaimIds'),
  direction: () => t('evidenceFieldDirection'),
  publisher: () => t('evidenceFieldPublisher'),
  title: () => t('evidenceFieldTitle'),
  published: () => t('evidenceFieldPublished'),
  publishedNote: () => t('evidenceFieldPublishedNote'),
  url: () => t('evidenceFieldUrl'),
  quotedFrom: () => t('evidenceFieldQuotedFrom'),
  quote: () => t('evidenceFieldQuote'),
  checked: () => t('evidenceFieldChecked'),
  caution: () => t('evidenceFieldCaution'),
};

const HINTS: Partial<Record<FieldName, () => string>> = {
  figure: () => t('evidenceHintFigure'),
  value: () => t('evidenceHintValue'),
  unit: () => t('evidenceHintUnit'),
  from: () => t('evidenceHintDate'),
  to: () => t('evidenceHintDate'),
  label: () => t('evidenceHintLabel'),
  published: () => t('evidenceHintPublished'),
  publishedNote: () => t('evidenceHintPublishedNote'),
  url: () => t('evidenceHintUrl'),
  quotedFrom: () => t('evidenceHintQuotedFrom'),
  quote: () => t('evidenceHintQuote'),
  checked: () => t('evidenceHintChecked'),
  caution: () => t('evidenceHintCaution'),
};

export const fieldLabel = (name: FieldName): string => LABELS[name]();

/** The hint under a field, or undefined for the fields that need none. */
export const fieldHint = (name: FieldName): string | undefined => HINTS[name]?.();
