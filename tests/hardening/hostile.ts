/**
 * The hostile corpus (tests/fixtures/hostile/payloads.json) and checks that a rendered tree shows
 * it as text only. Shared by the unit tests (happy-dom) and, as source, by the real-browser tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Payload {
  name: string;
  text: string;
}

const corpus = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/hostile/payloads.json'), 'utf8')) as {
  payloads: Payload[];
  urls: string[];
};

export const PAYLOADS: readonly Payload[] = corpus.payloads;
/** Links that must never become a link (every one is refused by the schemas, too). */
export const HOSTILE_URLS: readonly string[] = corpus.urls;

/** Every payload in one string (for fields that take one value per render). */
export const ALL_IN_ONE = PAYLOADS.map((p) => p.text).join(' ');

const LINK_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'];

/**
 * What in `root` could only have come from markup: elements carrying the payloads' marker,
 * event-handler attributes, links that are not http(s) or in-page, element types no Footnote UI
 * uses. An empty list means the tree holds the payloads as text at most.
 */
export function markupFound(root: ParentNode): string[] {
  const found: string[] = [];
  const all = [...root.querySelectorAll('*')];
  for (const el of all) {
    const tag = el.localName;
    if (el.matches('.fnxss, #fnxss, [data-fnxss], [name="__fnXss"]')) found.push(`<${tag}> with the payload marker`);
    if (['script', 'img', 'svg', 'iframe', 'object', 'embed', 'math', 'template', 'video', 'audio', 'source', 'meta', 'base', 'link', 'style', 'marquee', 'x-fnxss', 'xmp', 'noscript'].includes(tag)) {
      found.push(`a <${tag}> element`);
    }
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name)) found.push(`<${tag} ${attr.name}>`);
      if (LINK_ATTRIBUTES.includes(attr.name.toLowerCase()) && !/^(?:https?:\/\/|#)/i.test(attr.value.trim())) {
        found.push(`<${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
      }
    }
  }
  return found;
}

/** The tags and attribute names of a tree, in order: two renders have the same shape when these are equal. */
export function shapeOf(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')].map((el) => `${el.localName}(${[...el.attributes].map((a) => a.name).sort().join(',')})`);
}
