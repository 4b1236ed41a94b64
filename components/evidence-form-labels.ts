/** What the evidence form calls each field, and the hint it shows under those that need one. */
import type { FieldName } from './evidence-form-values';

export const FIELD_LABELS: Record<FieldName, string> = {
  figure: 'The figure as shown', value: 'Value', unit: 'Unit', from: 'Period from', to: 'Period to', label: 'Period as shown',
  geography: 'Geography', nation: 'Nation', claimIds: 'Claims it speaks to', direction: 'What it does to the claim',
  publisher: 'Publisher', title: 'Title', published: 'Date published', publishedNote: 'Note on the date', url: 'Link (URL)',
  quotedFrom: 'Who is quoted', quote: 'Quote', checked: 'How it was checked', caution: 'Caution for the reader',
};

export const FIELD_HINTS: Partial<Record<FieldName, string>> = {
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
