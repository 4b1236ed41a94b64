/**
 * Is the page a news article? A cascade over signals the page layer reads from the document,
 * cheapest first: structured data, Open Graph, article markup, then a readability check that the
 * caller computes only when asked (it walks the page). Obvious non-articles (shops, search results,
 * web apps) exit before any text is extracted. Every step that decided is named in `signals`.
 */

export interface PageSignals {
  url: string;
  /** Every JSON-LD `@type`, flattened from arrays and `@graph`. */
  jsonLdTypes: readonly string[];
  /** `og:type`, lower-cased, or null. */
  ogType: string | null;
  /** The page marks an article body (`itemprop="articleBody"`). */
  articleBody: boolean;
  /** Characters of paragraph text inside the largest `<article>` element (0 when there is none). */
  articleText: number;
  /** How many `<article>` elements the page has (a listing page has many small ones). */
  articleCount: number;
}

export interface ArticleDetection {
  isArticle: boolean;
  signals: string[];
}

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'opinionnewsarticle', 'analysisnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'asknewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'scholarlyarticle', 'medicalscholarlyarticle',
  'techarticle', 'report', 'blogposting', 'liveblogposting', 'advertisercontentarticle', 'socialmediaposting',
]);
const NON_ARTICLE_TYPES = new Set([
  'product', 'productgroup', 'offer', 'aggregateoffer', 'searchresultspage', 'webapplication', 'softwareapplication',
  'mobileapplication', 'store', 'onlinestore', 'itempage', 'checkoutpage', 'profilepage',
]);
const NON_ARTICLE_OG = /^(?:product|product\.item|product\.group|og:product|video\.other|music\.|profile|books?\.genre)/;
const SEARCH_PATH = /\/(?:search|results|shop|store|cart|basket|checkout|products?|account|login|signin|sign-in|app)(?:\/|$|\.)/i;
const SEARCH_QUERY = /[?&](?:q|query|search|s|keywords?|searchterm)=/i;
/** Paragraph text an `<article>` needs before it counts as an article body rather than a card. */
const ARTICLE_MIN_TEXT = 500;

const typeName = (t: string) => t.replace(/^https?:\/\/schema\.org\//i, '').replace(/^schema:/i, '').toLowerCase();

export function detectArticle(page: PageSignals, readerable: () => boolean): ArticleDetection {
  const types = page.jsonLdTypes.map(typeName);
  const articleType = page.jsonLdTypes.find((t) => ARTICLE_TYPES.has(typeName(t)));
  if (articleType) return { isArticle: true, signals: [`json-ld:${articleType.replace(/^.*[/:]/, '')}`] };

  const nonArticleType = page.jsonLdTypes.find((t) => NON_ARTICLE_TYPES.has(typeName(t)));
  if (nonArticleType) return { isArticle: false, signals: [`exit:json-ld:${nonArticleType.replace(/^.*[/:]/, '')}`] };
  if (page.ogType && NON_ARTICLE_OG.test(page.ogType)) return { isArticle: false, signals: [`exit:og:type=${page.ogType}`] };
  let path = '';
  let query = '';
  try {
    const u = new URL(page.url);
    path = u.pathname;
    query = u.search;
  } catch {
    // A page without a usable address (a saved file) has no URL signals.
  }
  if (SEARCH_QUERY.test(query) || SEARCH_PATH.test(path)) return { isArticle: false, signals: ['exit:url'] };

  if (page.ogType === 'article') return { isArticle: true, signals: ['og:type=article'] };
  if (page.articleBody) return { isArticle: true, signals: ['itemprop:articleBody'] };
  if (page.articleText >= ARTICLE_MIN_TEXT && page.articleCount <= 3) return { isArticle: true, signals: ['html:article'] };
  if (readerable()) return { isArticle: true, signals: ['readerable'] };
  return { isArticle: false, signals: types.length > 0 ? [`json-ld:${types.join(',')}`, 'not-readerable'] : ['not-readerable'] };
}
