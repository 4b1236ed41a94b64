import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository } from '@/lib/db/clips';
import { canonicalClip, csvCell, toCsv, toFootnoteJson, toMarkdown, toWebAnnotationCollection, CSV_COLUMNS } from '@/lib/clips/export';
import { parseClipsFile } from '@/lib/clips/import';
import { importClips } from '@/lib/db/clips-import';
import { clip, CLAIM_QUOTE, GP_VOTE } from './fixtures';

const EXPORTED = Date.UTC(2026, 10, 24, 12);

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('Footnote JSON', () => {
  let a: FootnoteDatabase;
  let b: FootnoteDatabase;
  beforeEach(() => {
    a = new FootnoteDatabase(`export-a-${Math.random()}`);
    b = new FootnoteDatabase(`export-b-${Math.random()}`);
  });
  afterEach(async () => {
    await a.delete();
    await b.delete();
  });

  it('round-trips: export → import into an empty store → export is identical', async () => {
    const clips = [
      clip(),
      clip({ id: 'plain-1', claimId: undefined, evidenceIds: undefined, counters: undefined, publisher: undefined, published: undefined, note: '', tags: [], createdAt: 5, updatedAt: 5 }),
      clip({ id: 'hostile', note: '<img src=x onerror=alert(1)>\n=HYPERLINK("http://evil")', tags: ['__proto__', 'constructor'], title: '"; DROP TABLE clips; --' }),
    ];
    for (const c of clips) await createClipsRepository(a).restore(c);
    const first = toFootnoteJson(await createClipsRepository(a).all(), EXPORTED);
    expect(await importClips(b, first)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const second = toFootnoteJson(await createClipsRepository(b).all(), EXPORTED);
    expect(second).toBe(first);
    expect(JSON.parse(first)).toMatchObject({ format: 'footnote-clips', version: 1, exportedAt: '2026-11-24T12:00:00.000Z' });
  });

  it('writes fields in one order whatever order the clip object had', () => {
    const c = clip();
    const shuffled = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    expect(toFootnoteJson([shuffled], EXPORTED)).toBe(toFootnoteJson([c], EXPORTED));
  });
});

describe('Markdown', () => {
  it('has the quote, the note, the tags, the source link and the counter-figure with its source', () => {
    const md = toMarkdown([clip()], EXPORTED);
    expect(md).toContain(`> ${CLAIM_QUOTE}`);
    expect(md).toContain('For the letter to the editor: the record says practices stayed open.');
    expect(md).toContain('Tags: letters, face-to-face');
    expect(md).toContain(`Source: [${GP_VOTE.title}](${GP_VOTE.url}), GPonline, 2021-05`);
    expect(md).toContain(`- Counter-figure: 164m face-to-face patient appointments (March 2020 – March 2021, England). Source: [${GP_VOTE.title}](${GP_VOTE.url}), GPonline, 2021-05`);
  });

  it('keeps page and reader text from turning into links, HTML or headings', () => {
    const md = toMarkdown([clip({ title: 'A [link](javascript:alert(1))', note: '# Heading\n<script>alert(1)</script>\n- item', tags: ['*bold*'] })], EXPORTED);
    expect(md).toContain('## A \\[link\\](javascript:alert(1))');
    expect(md).toContain('\\# Heading');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\- item');
    expect(md).toContain('Tags: \\*bold\\*');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
  });

  it('encodes characters that would end a link early', () => {
    const md = toMarkdown([clip({ url: 'https://example.org/a_(b) c', counters: undefined })], EXPORTED);
    expect(md).toContain('](https://example.org/a_%28b%29%20c)');
  });
});

describe('CSV', () => {
  it('writes one row a clip under a header, quoted, with a BOM and CRLF', () => {
    const csv = toCsv([clip(), clip({ id: 'second', createdAt: 10, updatedAt: 10 })]);
    expect(csv.startsWith('\uFEFF"id","created"')).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('second'); // oldest first
    const row = rows[2]!;
    expect(row[CSV_COLUMNS.indexOf('quote')]).toBe(CLAIM_QUOTE);
    expect(row[CSV_COLUMNS.indexOf('tags')]).toBe('letters; face-to-face');
    expect(row[CSV_COLUMNS.indexOf('figure 1')]).toContain('164m face-to-face patient appointments (March 2020 – March 2021) — GPonline');
    expect(row[CSV_COLUMNS.indexOf('more figures')]).toBe(String(Math.max(0, clip().counters!.length - 3)));
  });

  it('gives the figures the card led with, one a column, and counts the rest', () => {
    const many = clip({ counters: Array.from({ length: 5 }, (_, i) => ({ ...clip().counters![0]!, evidenceId: `e${i}`, figure: `Figure ${i + 1}` })) });
    const row = readCsv(toCsv([many]))[1]!;
    expect([1, 2, 3].map((n) => row[CSV_COLUMNS.indexOf(`figure ${n}` as (typeof CSV_COLUMNS)[number])]!.split(' (')[0])).toEqual(['Figure 1', 'Figure 2', 'Figure 3']);
    expect(row[CSV_COLUMNS.indexOf('more figures')]).toBe('2');
    const md = toMarkdown([many], EXPORTED);
    expect(md).toContain('Figure 3');
    expect(md).not.toContain('Figure 4');
    expect(md).toContain('And 2 more figures on the card (all of them are in the Footnote JSON export).');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['  =1', `"'  =1"`],
    ['Practices delivered 164m', '"Practices delivered 164m"'],
    ['a "quoted" word, and a comma\nnew line', '"a ""quoted"" word, and a comma\nnew line"'],
  ])('escapes %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('escapes formula-looking notes, tags and titles inside a whole export', () => {
    const rows = readCsv(toCsv([clip({ note: '=1+1', title: '@cmd', tags: ['-x'] })]));
    expect(rows[1]![CSV_COLUMNS.indexOf('note')]).toBe("'=1+1");
    expect(rows[1]![CSV_COLUMNS.indexOf('title')]).toBe("'@cmd");
    expect(rows[1]![CSV_COLUMNS.indexOf('tags')]).toBe("'-x");
  });
});

describe('W3C Web Annotation', () => {
  it('writes an AnnotationCollection with the note, tags and all three selectors', () => {
    const doc = JSON.parse(toWebAnnotationCollection([clip()], EXPORTED));
    expect(doc['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { footnoteClip: { '@id': 'urn:footnote:clip-data', '@type': '@json' } }]);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', startIndex: 0 } });
    const a = doc.first.items[0];
    expect(a).toMatchObject({
      id: 'urn:uuid:3f1c9a52-7d0e-4b8a-9c61-2f5e8d4a1b07',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-11-20T09:30:00.000Z',
      modified: '2026-11-20T09:45:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: clip().note, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'letters' },
        { type: 'TextualBody', purpose: 'tagging', value: 'face-to-face' },
      ],
      target: { source: GP_VOTE.url },
    });
    expect(a.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector']);
    expect(a.target.selector[0]).toMatchObject({ exact: CLAIM_QUOTE });
  });

  it('marks a clip without a note as a highlight and names non-UUID ids', () => {
    const a = JSON.parse(toWebAnnotationCollection([clip({ id: 'my.clip', note: '', tags: [] })], EXPORTED)).first.items[0];
    expect(a).toMatchObject({ id: 'urn:footnote:clip:my.clip', motivation: 'highlighting' });
    expect(a.body).toBeUndefined();
  });
});

describe('Web Annotation back in', () => {
  it('imports a Footnote Web Annotation export without loss', () => {
    const clips = [clip(), clip({ id: 'my.clip', note: '', tags: [], createdAt: 5, updatedAt: 6 })];
    const back = parseClipsFile(toWebAnnotationCollection(clips, EXPORTED));
    expect(back.sort((a, b) => a.createdAt - b.createdAt)).toEqual(clips.map(canonicalClip).sort((a, b) => a.createdAt - b.createdAt));
  });

  it('reads another tool’s annotation for what the standard gives: page, passage, note, tags, dates', () => {
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'urn:uuid:0d4c2b9e-1f3a-4c5d-8e7f-9a0b1c2d3e4f',
            type: 'Annotation',
            created: '2025-02-01T10:00:00Z',
            body: [
              { type: 'TextualBody', purpose: 'commenting', value: 'Check this figure.' },
              { type: 'TextualBody', purpose: 'tagging', value: 'access' },
            ],
            target: { source: 'https://news.example/gp', selector: { type: 'TextQuoteSelector', exact: 'GP surgeries were closed' } },
          },
        ],
      },
    });
    expect(parseClipsFile(file)).toEqual([
      expect.objectContaining({
        id: '0d4c2b9e-1f3a-4c5d-8e7f-9a0b1c2d3e4f',
        url: 'https://news.example/gp',
        quote: 'GP surgeries were closed',
        note: 'Check this figure.',
        tags: ['access'],
        createdAt: Date.parse('2025-02-01T10:00:00Z'),
        updatedAt: Date.parse('2025-02-01T10:00:00Z'),
      }),
    ]);
  });
});
