/**
 * Who published a page and when, where the page says so: Open Graph's og:site_name, the
 * article:published_time meta tag, and schema.org JSON-LD (publisher.name, datePublished); then
 * the date as the card reads it (a <time datetime>, a byline, else the page's address) and the publisher a page names after
 * its headline in its title ("LET US SEE THE DOCTOR | Daily Record"). What the page does not say is
 * left out, never guessed.
 */
import { addressDateCandidate, publishedFrom } from '../claims/meta';
import { readDates } from './extract';

export interface PageMeta {
  title: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the page is. */
  published?: string;
}

const MAX_JSON_LD = 200_000;

function meta(doc: Document, names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (content) return content;
  }
  return undefined;
}

/** The calendar date at the start of an ISO 8601 date or date-time, or undefined. */
export function partialDateOf(value: string | undefined): string | undefined {
  const m = value?.trim().match(/^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?(?=$|T|\s)/);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

type Json = unknown;

/** Every object in a JSON-LD document: top level, arrays and @graph. */
function* ldObjects(node: Json, depth = 0): Generator<Record<string, Json>> {
  if (depth > 4 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) yield* ldObjects(item, depth + 1);
    return;
  }
  const obj = node as Record<string, Json>;
  yield obj;
  if (Array.isArray(obj['@graph'])) yield* ldObjects(obj['@graph'], depth + 1);
}

function text(v: Json): string | undefined {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object') return text((v as Record<string, Json>).name);
  return undefined;
}

function fromJsonLd(doc: Document): { publisher?: string; published?: string } {
  const found: { publisher?: string; published?: string } = {};
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD) continue;
    let data: Json;
    try {
      data = JSON.parse(source);
    } catch {
      continue; // A page's broken JSON-LD is the page's problem, not the reader's.
    }
    for (const obj of ldObjects(data)) {
      found.publisher ??= text(obj.publisher);
      found.published ??= partialDateOf(typeof obj.datePublished === 'string' ? obj.datePublished : undefined);
    }
    if (found.publisher && found.published) break;
  }
  return found;
}

/** The site a title names after its headline ("Headline | Site", "Headline - Site"), when the headline is known. */
export function publisherFromTitle(title: string, headline: string | undefined): string | undefined {
  const m = title.match(/^(.+?)\s+[|–—-]\s+([^|–—]{2,60})$/);
  if (!m || !headline) return undefined;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(m[1]!) === norm(headline) ? m[2]!.trim() : undefined;
}

/** `url` is the address the clip is saved under (its date is read only where the page shows none). */
export function readPageMeta(doc: Document, url: string = doc.URL): PageMeta {
  const ld = fromJsonLd(doc);
  const title = doc.title.replace(/\s+/g, ' ').trim();
  const headline = meta(doc, ['og:title']) ?? doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const publisher = (meta(doc, ['og:site_name']) ?? ld.publisher ?? publisherFromTitle(title, headline))?.slice(0, 200);
  const published = partialDateOf(meta(doc, ['article:published_time', 'datePublished'])) ?? ld.published ?? publishedFrom([...readDates(doc), ...addressDateCandidate(url)])?.date;
  return {
    title: (title || meta(doc, ['og:title']) || '').slice(0, 1000),
    ...(publisher ? { publisher } : {}),
    ...(published ? { published } : {}),
  };
}
