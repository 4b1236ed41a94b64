/** Article detection, topic, date and nation: the explainable page decisions, table-driven. */
import { describe, expect, it, vi } from 'vitest';
import { detectArticle, type PageSignals } from '@/lib/claims/article';
import { addressDateCandidate, dateFromAddress, nationOf, parseDate, publishedFrom } from '@/lib/claims/meta';
import { topicOf } from '@/lib/claims/topic';

const page = (over: Partial<PageSignals>): PageSignals => ({
  url: 'https://news.example.co.uk/story',
  jsonLdTypes: [],
  ogType: null,
  articleBody: false,
  articleText: 0,
  articleCount: 0,
  ...over,
});

describe('detectArticle', () => {
  it.each([
    [{ jsonLdTypes: ['NewsArticle'] }, true, 'json-ld:NewsArticle'],
    [{ jsonLdTypes: ['WebSite', 'ReportageNewsArticle'] }, true, 'json-ld:ReportageNewsArticle'],
    [{ jsonLdTypes: ['https://schema.org/OpinionNewsArticle'] }, true, 'json-ld:OpinionNewsArticle'],
    [{ jsonLdTypes: ['BlogPosting'] }, true, 'json-ld:BlogPosting'],
    [{ jsonLdTypes: ['AnalysisNewsArticle'] }, true, 'json-ld:AnalysisNewsArticle'],
    [{ jsonLdTypes: ['Product', 'Offer'] }, false, 'exit:json-ld:Product'],
    [{ jsonLdTypes: ['SearchResultsPage'] }, false, 'exit:json-ld:SearchResultsPage'],
    [{ jsonLdTypes: ['WebApplication'] }, false, 'exit:json-ld:WebApplication'],
    [{ ogType: 'product' }, false, 'exit:og:type=product'],
    [{ url: 'https://shop.example.com/search?q=gp+surgery', ogType: 'article' }, false, 'exit:url'],
    [{ url: 'https://shop.example.com/products/thermometer' }, false, 'exit:url'],
    [{ ogType: 'article' }, true, 'og:type=article'],
    [{ articleBody: true }, true, 'itemprop:articleBody'],
    [{ articleText: 2000, articleCount: 1 }, true, 'html:article'],
  ] as const)('%j → %s', (over, isArticle, signal) => {
    const readerable = vi.fn(() => false);
    const d = detectArticle(page(over), readerable);
    expect(d.isArticle).toBe(isArticle);
    expect(d.signals).toContain(signal);
    // Anything decided by a cheap signal never runs the readability walk.
    expect(readerable).not.toHaveBeenCalled();
  });

  it('falls back on the readability check, and only then', () => {
    expect(detectArticle(page({}), () => true)).toEqual({ isArticle: true, signals: ['readerable'] });
    expect(detectArticle(page({}), () => false).isArticle).toBe(false);
    // A listing page full of small <article> cards is not an article on that evidence alone.
    expect(detectArticle(page({ articleText: 3000, articleCount: 20 }), () => false).isArticle).toBe(false);
  });
});

describe('topicOf', () => {
  const gpStory =
    'GPs in England delivered more face-to-face appointments last month, NHS England said. The BMA GP committee said practices were under pressure. GP surgeries reported record demand for appointments and the RCGP warned of burnout.';
  it.each([
    ['GP access story', 'GPs under pressure', gpStory, null, true],
    ['dentists', 'Dentists to reopen', 'Dental practices were closed. Dentists and dental nurses wait for PPE. The BDA said dentistry must restart. One GP said dental care matters. NHS dentists are few.', null, false],
    ['vets', 'Vets stay open', 'Veterinary practices remain open for pets. Vets see animals in emergencies. The BVA said pet owners must call first.', null, false],
    ['US primary care', 'Primary care crisis', 'Americans struggle to see a primary care physician. Medicare patients wait a month. PCPs are leaving; one general practitioner said GPs and family doctors are burnt out.', null, false],
    ['shops', 'Shops shut', 'All non-essential shops must close. Retailers on the high street shut their doors and stores went online.', null, false],
    ['a GP mentioned once', 'Waiting lists hit record', 'Hospital waiting lists reached 7.3 million in England, NHS data show. Patients referred by their GP wait longer for elective operations.', null, false],
    ['Irish GPs, one "Department of Health"', 'GP practices in West Cork close their lists', 'Most GP practices in West Cork are closed to new patients, GPs say. Doctors are not surprised by reports from the ESRI and Department of Health on shortages. Practices in Cork offer same-day appointments but GPs cannot take on new patients.', 'www.irishexaminer.com', false],
    ['Canadian family doctors, one stray "England"', 'Family doctors are scarce in Ontario', 'Canadians without a family doctor crowd walk-in clinics in Ontario. One GP who moved back to England said Canada needs more GPs. Ontario family doctors close their practices to new patients.', null, false],
    ['a UK story that mentions Australia once', 'GPs under pressure', `${gpStory} Some GPs have left for Australia.`, null, true],
    ['one surgery shut by Covid, "surgeries" in the headline', 'Two village surgeries closed after staff catch coronavirus', 'Patients at the two surgeries were told to call NHS 111. The practice said appointments would be moved and the GP partners apologised. Prescriptions and appointments resume next week; appointments by phone continue. Face-to-face appointments will be offered at the surgery.', 'www.edp24.co.uk', true],
    ['a UK explainer on an Irish edition’s host', 'Are GP surgeries open today during coronavirus lockdown?', `${gpStory} Surgeries in the UK are offering telephone appointments.`, 'www.thesun.ie', true],
    ['a GP letter naming the dentist as an alternative', 'I still struggle to see my GP', 'My GP surgery never answers the phone. Patients are told to talk to their pharmacist or dentist instead. The GP practice should offer face-to-face appointments; the dentist down the road manages.', null, true],
    ['"doctor" for the GP, with access words all around', "How hard can it be to book a doctor's", 'I rang my doctor at 8am. The surgery phone was engaged; no appointments left. The NHS says to call back. My doctor used to see me the same day. Another doctor at the practice offered a phone consultation. Appointments go in minutes, and every doctor knows it; the doctor’s receptionist says try tomorrow.', 'www.hertsad.co.uk', true],
    ['hospital doctors, few access words', 'Junior doctors strike', 'Junior doctors in England walked out for five days, the BMA said. Doctors want pay restored. Hospital doctors picketed; consultants covered wards. NHS England said operations were cancelled.', null, false],
    ['UK host without NHS words', 'Letter: GPs chose an easy life', 'My GPs are not working. Over a dozen GPs at my practice and no appointments. GPs should see patients.', 'www.lancashiretelegraph.co.uk', true],
  ])('%s', (_name, title, body, host, onTopic) => {
    const t = topicOf(title, body, host);
    expect(t.onTopic).toBe(onTopic);
    expect(t.score).toBeGreaterThanOrEqual(0);
    expect(t.score).toBeLessThanOrEqual(1);
    expect(t.signals.some((s) => s.startsWith('topic:score='))).toBe(true);
  });
});

describe('article date', () => {
  it.each([
    ['2021-05-20T09:00:00+01:00', '2021-05-20'],
    ['2021-05', '2021-05'],
    ['20 May 2021', '2021-05-20'],
    ['Published: 21 July, 2021 1:38 pm', '2021-07-21'],
    ['May 20, 2021', '2021-05-20'],
    ['2021-02-30', null],
    ['yesterday', null],
  ])('%s → %s', (value, date) => {
    expect(parseDate(value)).toBe(date);
  });

  it('takes the most trusted candidate that parses, and says where it was found', () => {
    expect(
      publishedFrom([
        { how: 'json-ld:datePublished', value: 'not a date' },
        { how: 'meta:article:published_time', value: '2024-07-12T10:00:00Z' },
        { how: 'time[datetime]', value: '2020-01-01' },
      ]),
    ).toEqual({ date: '2024-07-12', how: 'meta:article:published_time' });
    expect(publishedFrom([])).toBeNull();
  });

  it.each([
    ['https://metro.co.uk/2014/06/29/six-million-now-visiting-ae-as-they-are-unable-to-get-doctor-appointment-4780906/', '2014-06-29'],
    ['https://example.co.uk/news/2021-05-04/gp-appointments', '2021-05-04'],
    ['https://example.co.uk/news/2021-05-04-gp-appointments', '2021-05-04'],
    ['https://example.co.uk/20210504/gp-appointments', '2021-05-04'],
    ['https://www.theguardian.com/society/2021/may/20/gps', null], // a month in words: not read
    ['https://example.com/2019/11/gp-story', '2019-11'],
    ['https://example.com/2021/02/30/not-a-day', null],
    ['https://example.com/article-4780906/', null],
    ['https://example.com/story?date=2021-05-04', null],
    ['https://2021-05-04.example.com/story', null],
    ['not a url', null],
  ])('reads %s as %s', (url, date) => {
    expect(dateFromAddress(url)).toBe(date);
  });

  it("uses the address's date only after every date the page shows, and says so", () => {
    const url = 'https://metro.co.uk/2014/06/29/six-million-4780906/';
    expect(publishedFrom([...addressDateCandidate(url)])).toEqual({ date: '2014-06-29', how: 'url' });
    expect(publishedFrom([{ how: 'time[datetime]', value: '2014-06-30' }, ...addressDateCandidate(url)])).toEqual({ date: '2014-06-30', how: 'time[datetime]' });
    expect(addressDateCandidate('https://example.com/no-date')).toEqual([]);
  });
});

describe('article nation', () => {
  it.each([
    ['NHS Scotland', 'GP access', 'NHS Scotland said practices in NHS Lothian and NHS Grampian were busy. Holyrood debated it.', null, 'Scotland'],
    ['Welsh Government', 'GPs in Wales', 'The Welsh Government and Betsi Cadwaladr health board said GPs in Wales saw more patients.', null, 'Wales'],
    ['Stormont', 'GPs', 'Stormont ministers said practices in Northern Ireland need support.', null, 'Northern Ireland'],
    ['NHS England', 'GPs', 'NHS England told practices in England to offer face-to-face appointments.', null, 'England'],
    ['outlet', 'GPs', 'Practices are busy.', 'www.heraldscotland.com', 'Scotland'],
    ['unclear', 'GPs', 'Practices are busy everywhere.', null, null],
    ['mixed', 'GPs', 'NHS England and NHS Scotland and the Welsh Government all said so.', null, null],
  ])('%s', (_name, title, text, host, nation) => {
    expect(nationOf(title, text, host)?.nation ?? null).toBe(nation);
  });
});
