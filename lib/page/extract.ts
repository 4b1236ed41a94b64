/**
 * From a document to what the claim engine reads: article signals (cheap, read first so that
 * non-articles exit before any text is walked), the article body with its headline, and the body's
 * text as a TextMap whose offsets lead back to the page's text nodes. Extraction only: the scan
 * that runs the engine on it is lib/page/scan.ts. Page furniture (navigation,
 * comments, "Just published" lists, banners, captions, share widgets, bylines, tweet embeds) is
 * left out of the map, so the engine never sees it and nothing in it can be flagged.
 */
import type { PageSignals } from '../claims/article';
import { addressDateCandidate, type DateCandidate } from '../claims/meta';
import { walkTextMap, type TextMap, type TextMapWalk } from './text-map';

// ── Signals ───────────────────────────────────────────────────────────────────────────────────

interface JsonLdNode {
  type: string[];
  node: Record<string, unknown>;
}

/** Every object in the page's JSON-LD, with its types; arrays and `@graph` are flattened. Bad JSON is skipped. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 50)) visit(v, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    const t = node['@type'];
    const types = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
    if (types.length > 0) out.push({ type: types, node });
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, 20)) {
    const raw = script.textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Many sites ship broken JSON-LD; the other signals still decide.
    }
  }
  return out;
}

const meta = (doc: Document, key: string): string | null => {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : null;
};

function paragraphText(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').trim().length;
  return n;
}

/** The `<article>` with the most paragraph text that is not itself furniture (a comment is often an <article>). */
function largestArticle(doc: Document): { el: Element | null; text: number; count: number } {
  const articles = Array.from(doc.querySelectorAll('article'));
  let best: Element | null = null;
  let bestText = 0;
  for (const a of articles) {
    if (isFurniture(a) || (a.parentElement && a.parentElement.closest('article, [itemprop="articleBody"]'))) continue;
    const n = paragraphText(a);
    if (n > bestText) {
      best = a;
      bestText = n;
    }
  }
  return { el: best, text: bestText, count: articles.length };
}

export function readPageSignals(doc: Document, url: string): PageSignals {
  const nodes = jsonLdNodes(doc);
  // The <article> text is counted only if detection gets that far down its cascade: most news pages
  // are decided by JSON-LD or og:type, and counting reads every paragraph of the page.
  let largest: { text: number; count: number } | null = null;
  const counted = () => (largest ??= largestArticle(doc));
  return {
    url,
    jsonLdTypes: nodes.flatMap((n) => n.type),
    ogType: meta(doc, 'og:type')?.toLowerCase() ?? null,
    articleBody: doc.querySelector('[itemprop="articleBody"]') !== null,
    get articleText() {
      return counted().text;
    },
    get articleCount() {
      return counted().count;
    },
  };
}

// ── Furniture ─────────────────────────────────────────────────────────────────────────────────

const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'FIGCAPTION', 'FIGURE', 'DIALOG', 'MENU', 'HEADER']);
const FURNITURE_ROLES = /^(?:navigation|complementary|contentinfo|banner|search|dialog|alertdialog|menu|menubar|toolbar|tablist|form|alert)$/i;
const FURNITURE_NAMES =
  /(?:^|[\s_-])(?:comments?|commenting|disqus|replies|related|most-?read|most-?popular|popular|trending|just-?published|latest|more-?(?:stories|news|from|articles)|read-?(?:more|next)|recommend(?:ed|ations?)?|outbrain|taboola|newsletters?|subscribe|subscription|signup|sign-?up|sign-?in|login|register|registration|regwall|paywall|cookies?|consent|gdpr|share|sharing|social|follow-?us|promos?|adverts?|advertisement|ad-?slot|ads|sponsor(?:ed)?|byline|(?:entry|post|article|story)-?meta|meta-?(?:data|info|line)|dateline|author-?bio|breadcrumbs?|tags|topics|sidebar|masthead|site-?header|site-?footer|menu|navbar|captions?|credits?|tweet|twitter-tweet|instagram-media|tiktok-embed|embed|video-?player|banners?|modal|popup|toolbar|hcp-notice|skip-?link)(?:$|[\s_-])/i;
const FURNITURE_HEADING =
  /^(?:just published|most (?:read|popular|viewed|shared|commented)|related(?: (?:stories|articles|content|news|topics|links|reading))?|more (?:from|on|stories|news|like this)\b.*|read (?:more|next)|you (?:may|might) also like|recommended(?: for you)?|popular(?: now)?|trending(?: now)?|latest(?: news| stories| articles)?|comments?(?: \(\d+\))?|\d+ comments?|reader comments|have your say|join the (?:conversation|discussion)|follow us:?|share (?:this|on)\b.*|sign up\b.*|newsletters?|have you registered with us yet\??|already registered\??|editor['’]?s picks|top stories|in pictures)$/i;
// Footnote's own UI on the page; its marks (footnote-mark, footnote-clip) wrap page text and stay.
const OWN_INLINE = new Set(['FOOTNOTE-MARK', 'FOOTNOTE-CLIP']);

/** Whether an element is page furniture by its own tag, role, class, id or visibility (not by position). */
export function isFurniture(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag.startsWith('FOOTNOTE-') && !OWN_INLINE.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return names.length > 1 && FURNITURE_NAMES.test(names);
}

/**
 * Containers that a furniture heading ("Just published", "Comments") introduces: the heading's
 * parent when that is a section of its own, else the heading and everything after it at its level.
 */
function headedFurniture(root: Element): Set<Element> {
  const out = new Set<Element>();
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 60 || !FURNITURE_HEADING.test(text)) continue;
    const parent = h.parentElement;
    if (parent && parent !== root && parent.firstElementChild === h && !parent.contains(root)) {
      out.add(parent);
      continue;
    }
    for (let el: Element | null = h; el; el = el.nextElementSibling) out.add(el);
  }
  return out;
}

// ── Body ──────────────────────────────────────────────────────────────────────────────────────

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The page's headline: og:title, JSON-LD headline, the first <h1>, or the document title. */
export function pageTitle(doc: Document): string {
  const og = meta(doc, 'og:title');
  if (og) return og;
  for (const n of jsonLdNodes(doc)) {
    const h = n.node['headline'];
    if (typeof h === 'string' && h.trim()) return h.trim();
  }
  const h1 = doc.querySelector('h1')?.textContent?.trim();
  return h1 || doc.title.trim();
}

/** The <h1> that carries the headline (not a logo): its words appear in the title, or it is the only one. */
function headlineElement(doc: Document, title: string): Element | null {
  const h1s = Array.from(doc.querySelectorAll('h1')).filter((h) => !isFurnitureOrInside(h));
  const t = norm(title);
  for (const h of h1s) {
    const text = norm(h.textContent ?? '');
    if (text.length >= 10 && (t.includes(text.slice(0, 40)) || text.includes(t.slice(0, 40)))) return h;
  }
  return h1s.length === 1 ? h1s[0]! : null;
}

function isFurnitureOrInside(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    // An article's own <header> holds its headline; the site's header is caught by its other traits.
    if (e.tagName === 'HEADER' && e.closest('article, main, [role="main"]')) continue;
    if (isFurniture(e)) return true;
  }
  return false;
}

/** The element that holds the article body: itemprop=articleBody, the largest <article>, <main>, or the densest block. */
export function findArticleBody(doc: Document): Element {
  const bodies = Array.from(doc.querySelectorAll('[itemprop="articleBody"]'));
  if (bodies.length > 0) return bodies.reduce((a, b) => (paragraphText(b) > paragraphText(a) ? b : a));
  const largest = largestArticle(doc);
  if (largest.el && largest.text > 0) return largest.el;
  const main = doc.querySelector('main, [role="main"]');
  if (main && paragraphText(main) > 0) return main;
  // The parent of the most paragraph text, as readability does in its simplest form.
  const score = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent || isFurnitureOrInside(p)) continue;
    score.set(parent, (score.get(parent) ?? 0) + (p.textContent ?? '').trim().length);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, n] of score) {
    if (n > bestScore) {
      best = el;
      bestScore = n;
    }
  }
  return best ?? doc.body ?? doc.documentElement;
}

function commonAncestor(a: Element, b: Element): Element {
  for (let e: Element | null = a; e; e = e.parentElement) if (e.contains(b)) return e;
  return a.ownerDocument.documentElement;
}

export interface ExtractedArticle {
  /** The subtree the map was built from (the body, or the body and headline's common ancestor). */
  root: Element;
  body: Element;
  headline: Element | null;
  map: TextMap;
}

/**
 * The article's text: headline and body, no furniture. Everything else under the common root of
 * headline and body is skipped, and so is furniture inside them.
 */
export function extractArticle(doc: Document, title = pageTitle(doc)): ExtractedArticle {
  const { walk, ...found } = startArticleWalk(doc, title);
  walk.step();
  return { ...found, map: walk.map() };
}

/** What `extractArticle` reads, found but not read yet: its text is read by `walk`, a part at a time if need be. */
export interface ArticleWalk extends Omit<ExtractedArticle, 'map'> {
  walk: TextMapWalk;
}

export function startArticleWalk(doc: Document, title = pageTitle(doc)): ArticleWalk {
  const body = findArticleBody(doc);
  let headline = headlineElement(doc, title);
  if (headline && (body.contains(headline) || headline.contains(body))) headline = body.contains(headline) ? headline : null;
  const root = headline && !body.contains(headline) ? commonAncestor(body, headline) : body;
  const headed = headedFurniture(root);
  // The article's own <header> (the one holding its headline, inside the common root) carries the
  // standfirst, which makes claims as often as the body does; its bylines and share buttons are
  // still furniture.
  const header = headline?.parentElement?.closest('header') ?? null;
  const ownHeader = header && root.contains(header) && !header.contains(body) && !isFurniture(header.parentElement ?? header) ? header : null;
  const keep = (el: Element): boolean => {
    // Ancestors of what is read are never skipped, whatever their class names say.
    if (el.contains(body) || (headline && el.contains(headline))) return true;
    const inBody = body.contains(el);
    const inHeadline = headline ? headline.contains(el) : false;
    const inHeader = ownHeader ? ownHeader.contains(el) : false;
    if (!inBody && !inHeadline && !inHeader) return false;
    return !headed.has(el) && !isFurniture(el);
  };
  return { root, body, headline, walk: walkTextMap(root, { skip: (el) => !keep(el) }) };
}

/** Candidate publication dates, most trusted first. */
export function readDates(doc: Document, body?: Element): DateCandidate[] {
  const out: DateCandidate[] = [];
  const nodes = jsonLdNodes(doc);
  for (const n of nodes) {
    const d = n.node['datePublished'];
    if (typeof d === 'string') out.push({ how: 'json-ld:datePublished', value: d });
  }
  for (const key of ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'dc.date', 'parsely-pub-date']) {
    const v = meta(doc, key);
    if (v) out.push({ how: `meta:${key}`, value: v });
  }
  const scope = body?.closest('article') ?? doc;
  const time = scope.querySelector('time[datetime]') ?? doc.querySelector('time[datetime]');
  const dt = time?.getAttribute('datetime');
  if (dt) out.push({ how: 'time[datetime]', value: dt });
  const byline = scope.querySelector('[class*="byline" i], [class*="dateline" i], [class*="publish" i], [class*="timestamp" i], [itemprop="datePublished"]');
  const text = byline?.getAttribute('content') ?? byline?.textContent;
  if (text) out.push({ how: 'byline', value: text.slice(0, 200) });
  // The address the page names as its own: a copy or a saved page keeps its original's (and its date).
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  if (canonical) out.push(...addressDateCandidate(canonical, 'url:canonical'));
  return out;
}
