/** Who published a page and when, for a clip saved from it (lib/page/clips-meta.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publisherFromTitle, readPageMeta } from '@/lib/page/clips-meta';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) => page(readFileSync(join(import.meta.dirname, '../fixtures/articles', name), 'utf8'));

describe('readPageMeta', () => {
  it('a Daily Record page with no meta tags: the date from its <time>, the publisher its title names', () => {
    expect(readPageMeta(fixture('dailyrecord-2021-08-let-us-see-the-doctor.html'))).toEqual({
      title: 'LET US SEE THE DOCTOR | Daily Record (PressReader)',
      publisher: 'Daily Record (PressReader)',
      published: '2021-08-24',
    });
  });

  it.each([
    {
      what: 'Open Graph and article:published_time first',
      html: '<title>X | Other</title><meta property="og:title" content="X"><meta property="og:site_name" content="The Times"><meta property="article:published_time" content="2021-09-12T06:00:00Z"><time datetime="2020-01-01">',
      meta: { title: 'X | Other', publisher: 'The Times', published: '2021-09-12' },
    },
    {
      what: 'JSON-LD publisher and date',
      html: '<title>X</title><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Pulse"},"datePublished":"2022-03"}</script>',
      meta: { title: 'X', publisher: 'Pulse', published: '2022-03' },
    },
    { what: 'nothing said: nothing guessed', html: '<title>GP access</title><h1>Something else</h1>', meta: { title: 'GP access' } },
  ])('$what', ({ html, meta }) => {
    expect(readPageMeta(page(html))).toEqual(meta);
  });
});

describe('readPageMeta and the address', () => {
  it("reads the date from the clip's address when the page shows none, and never over the page's own", () => {
    const url = 'https://metro.co.uk/2014/06/29/six-million-now-visiting-ae-4780906/';
    expect(readPageMeta(page('<title>Six million</title>'), url)).toEqual({ title: 'Six million', published: '2014-06-29' });
    expect(readPageMeta(page('<title>T</title><time datetime="2014-07-01">'), url).published).toBe('2014-07-01');
  });
});

describe('publisherFromTitle', () => {
  it.each([
    { title: 'Let us see the doctor | Daily Record', headline: 'Let us see the doctor', publisher: 'Daily Record' },
    { title: 'GPs vote for action - BBC News', headline: 'GPs vote for action', publisher: 'BBC News' },
    // The part before the bar is not the headline: the bar may be part of it, or the title names a section.
    { title: 'GP access | News', headline: 'Patients wait weeks', publisher: undefined },
    { title: 'No separator here', headline: 'No separator here', publisher: undefined },
    { title: 'Headline | Site', headline: undefined, publisher: undefined },
  ])('$title', ({ title, headline, publisher }) => {
    expect(publisherFromTitle(title, headline)).toBe(publisher);
  });
});
