/**
 * One figure with its source, as a reader pastes it into a message or a document: plain text, or
 * Markdown with the source title as a link. Only the record's own words; nothing is added.
 */
import type { Evidence } from '@/lib/model/records';
import { t } from '@/lib/i18n';
import { formatPartialDate } from './partial-date';

export type CitationFormat = 'text' | 'markdown';

const figureLine = (e: Evidence) => `${e.figure} (${e.period.label}, ${e.geography}).`;

/** Markdown's own characters in a title or a figure would change what the reader's text shows (a bracket would end the link). */
const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

/** A URL inside a Markdown link: a bracket or a space would end the link early. */
const markdownUrl = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function citation(e: Evidence, format: CitationFormat): string {
  const { source } = e;
  const when = formatPartialDate(source.published);
  const label = t('cardCitationSource');
  if (format === 'text') return `${figureLine(e)} ${label} ${source.title}, ${source.publisher}, ${when}. ${source.url}`;
  return `${escapeMarkdown(figureLine(e))} ${label} [${escapeMarkdown(source.title)}](${markdownUrl(source.url)}), ${escapeMarkdown(source.publisher)}, ${when}.`;
}
