import { describe, expect, it } from 'vitest';
import type { ClaimMatch } from '@/lib/model/scan';
import { buildTextMap, type TextMap } from '@/lib/page/text-map';
import { MarkSet, fallbackShort, markClaims, markKey, removeMark, setActive, type Mark } from '@/lib/page/highlight';
import { ensureMarkStyle, MARK_STYLE_ATTR } from '@/lib/page/mark-style';
import { isFootnoteSplit } from '@/lib/page/wrap';

function page(html: string) {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  const textNodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  return { root, html: root.innerHTML, textNodes, data: textNodes.map((t) => t.data) };
}

function expectRestored(p: ReturnType<typeof page>) {
  expect(p.root.innerHTML).toBe(p.html);
  const now: Text[] = [];
  const walker = document.createTreeWalker(p.root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) now.push(walker.currentNode as Text);
  expect(now).toEqual(p.textNodes);
  now.forEach((node, i) => {
    expect(node).toBe(p.textNodes[i]);
    expect(node.data).toBe(p.data[i]);
    expect(isFootnoteSplit(node)).toBe(false);
  });
}

/** A match for the n-th occurrence of `phrase` in the map's text, as the engine would report it. */
function match(map: TextMap, phrase: string, extra: Partial<ClaimMatch> = {}, occurrence = 0): ClaimMatch {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = map.text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return {
    claimId: 'practices-closed',
    text: phrase,
    start,
    end: start + phrase.length,
    stance: 'asserted',
    highlight: true,
    wording: 'practices were closed',
    evidence: ['f2f-appointments-2020-21'],
    ...extra,
  };
}

const short = () => 'practices were closed';

describe('markClaims', () => {
  it.each([
    ['inside one text node', '<p>Critics said GP practices were closed for a year.</p>', 'GP practices were closed', 1],
    ['across emphasis and a link', '<p>Critics said GP <em>practices</em> were <a href="/x">closed</a> for a year.</p>', 'GP practices were closed', 4],
    ['across a line break', '<p>GP surgeries shut<br>their doors to patients.</p>', 'GP surgeries shut\ntheir doors', 2],
  ])('marks a claim %s in pieces that act as one', (_name, html, phrase, pieces) => {
    const p = page(html);
    const map = buildTextMap(p.root);
    const [mark] = markClaims(map, [match(map, phrase)], { shortOf: short });
    expect(mark).toBeDefined();
    expect(mark!.pieces).toHaveLength(pieces);
    expect(mark!.pieces.map((el) => el.textContent).join('')).toBe(phrase.replace('\n', ''));
    for (const el of mark!.pieces) {
      expect(el.localName).toBe('footnote-mark');
      expect(el.dataset.claim).toBe('practices-closed');
      expect(el.dataset.stance).toBe('asserted');
    }
    // One tab stop and one accessible name for the whole claim.
    const [first, ...rest] = mark!.pieces;
    expect(first!.getAttribute('tabindex')).toBe('0');
    expect(first!.getAttribute('role')).toBe('button');
    expect(first!.getAttribute('aria-label')).toBe('Claim: practices were closed. Show context');
    expect(first!.getAttribute('aria-haspopup')).toBe('dialog');
    for (const el of rest) {
      expect(el.hasAttribute('tabindex')).toBe(false);
      expect(el.hasAttribute('aria-label')).toBe(false);
    }
    removeMark(mark!);
    expectRestored(p);
  });

  it('marks only flagged matches: rebutted and negated claims are left alone', () => {
    const p = page('<p>Practices were closed, some said.</p><p>The false narrative that practices were closed.</p><p>Practices never closed.</p>');
    const map = buildTextMap(p.root);
    const marks = markClaims(
      map,
      [
        match(map, 'Practices were closed'),
        match(map, 'practices were closed', { stance: 'rebutted', highlight: false }),
        match(map, 'Practices never closed', { stance: 'negated', highlight: false }),
      ],
      { shortOf: short },
    );
    expect(marks).toHaveLength(1);
    expect(p.root.querySelectorAll('footnote-mark')).toHaveLength(1);
    expect(p.root.querySelector('p')!.querySelector('footnote-mark')!.textContent).toBe('Practices were closed');
  });

  it('marks several claims in one text node, in document order, and restores the node whatever the order of removal', () => {
    for (const order of [[0, 1, 2], [2, 0, 1], [1, 2, 0]]) {
      const p = page('<p>Practices were closed, patients could not see a GP and surgeries shut their doors.</p>');
      const map = buildTextMap(p.root);
      const marks = markClaims(
        map,
        [
          match(map, 'surgeries shut their doors', { claimId: 'surgeries-shut' }),
          match(map, 'Practices were closed'),
          match(map, 'patients could not see a GP', { claimId: 'no-gp' }),
        ],
        { shortOf: short },
      );
      expect(marks.map((m) => m.match.claimId)).toEqual(['practices-closed', 'no-gp', 'surgeries-shut']);
      expect([...p.root.querySelectorAll('footnote-mark')].map((m) => m.textContent)).toEqual([
        'Practices were closed',
        'patients could not see a GP',
        'surgeries shut their doors',
      ]);
      for (const i of order) removeMark(marks[i]!);
      expectRestored(p);
    }
  });

  it('keeps the map valid when the matches of one map are marked in chunks, last chunk first', () => {
    const p = page('<p>Practices were closed, patients could not see a GP and surgeries shut their doors.</p>');
    const map = buildTextMap(p.root);
    const all = [match(map, 'Practices were closed'), match(map, 'patients could not see a GP'), match(map, 'surgeries shut their doors')];
    const later = markClaims(map, all.slice(1), { shortOf: short });
    const earlier = markClaims(map, all.slice(0, 1), { shortOf: short });
    expect([...earlier, ...later].map((m) => m.pieces[0]!.textContent)).toEqual(all.map((m) => m.text));
  });

  it('leaves overlapping matches, already-marked text and text the page changed since the scan unmarked', () => {
    const p = page('<p>Practices were closed during the pandemic.</p><p>Patients could not get appointments.</p>');
    const map = buildTextMap(p.root);
    const first = markClaims(map, [match(map, 'Practices were closed during'), match(map, 'were closed during the pandemic')], {
      shortOf: short,
    });
    expect(first).toHaveLength(1);
    // The same claim found again by a later scan of the same paragraph is not marked twice.
    const again = buildTextMap(p.root);
    expect(markClaims(again, [match(again, 'Practices were closed')], { shortOf: short })).toHaveLength(0);
    // The page rewrote the second paragraph after the map was built.
    const stale = buildTextMap(p.root);
    const m = match(stale, 'Patients could not get appointments');
    p.root.querySelectorAll('p')[1]!.firstChild!.textContent = 'Patients could book appointments.';
    expect(markClaims(stale, [m], { shortOf: short })).toHaveLength(0);
    expect(p.root.querySelectorAll('footnote-mark')).toHaveLength(1);
  });

  it('skips dismissed passages by key', () => {
    const p = page('<p>Practices were closed. Later: practices  WERE closed.</p>');
    const map = buildTextMap(p.root);
    const matches = [match(map, 'Practices were closed'), match(map, 'practices  WERE closed')];
    expect(markKey('practices-closed', 'practices  WERE closed')).toBe(markKey('practices-closed', 'Practices were closed'));
    const dismissed = new Set([markKey('practices-closed', 'Practices were closed')]);
    expect(markClaims(map, matches, { shortOf: short, skip: (_m, key) => dismissed.has(key) })).toHaveLength(0);
  });

  it('inserts page text as text: a hostile string stays a string', () => {
    const p = page('<p>x &lt;img src=x onerror=alert(1)&gt; practices were closed</p>');
    const map = buildTextMap(p.root);
    const hostile = '<img src=x onerror=alert(1)> practices were closed';
    const [mark] = markClaims(map, [match(map, hostile)], { shortOf: () => '<b>closed</b>"' });
    expect(p.root.querySelector('img')).toBeNull();
    expect(mark!.pieces[0]!.getAttribute('aria-label')).toBe('Claim: <b>closed</b>". Show context');
  });
});

describe('MarkSet', () => {
  function twoMarks() {
    const p = page('<p>GP <em>practices</em> were closed.</p><p>Surgeries shut their doors.</p>');
    const map = buildTextMap(p.root);
    const set = new MarkSet();
    const marks = markClaims(map, [match(map, 'GP practices were closed'), match(map, 'Surgeries shut', { claimId: 'surgeries-shut' })], {
      shortOf: short,
    });
    set.add([...marks].reverse());
    return { p, set, marks };
  }

  it('finds a mark from any piece or a text node inside it, and lists marks in document order', () => {
    const { set, marks } = twoMarks();
    const [a, b] = marks as [Mark, Mark];
    expect(set.find(a.pieces[1]!)).toBe(a);
    expect(set.find(a.pieces[2]!.firstChild)).toBe(a);
    expect(set.find(b.pieces[0]!)).toBe(b);
    expect(set.find(document.body)).toBeUndefined();
    expect(set.all()).toEqual([a, b]);
  });

  it('lists marks the page took out of the document after those in it, and forgets removed ones', () => {
    const { p, set, marks } = twoMarks();
    const [a, b] = marks as [Mark, Mark];
    p.root.querySelectorAll('p')[0]!.remove();
    expect(set.all()).toEqual([b, a]);
    set.remove(b);
    expect(set.all()).toEqual([a]);
  });

  it('lights every piece of a claim together', () => {
    const { marks } = twoMarks();
    setActive(marks[0]!, true);
    expect(marks[0]!.pieces.every((el) => el.hasAttribute('data-active'))).toBe(true);
    expect(marks[1]!.pieces.some((el) => el.hasAttribute('data-active'))).toBe(false);
    setActive(marks[0]!, false);
    expect(marks[0]!.pieces.some((el) => el.hasAttribute('data-active'))).toBe(false);
  });

  it('clear() gives the page back its own nodes', () => {
    const { p, set } = twoMarks();
    set.clear();
    expect(set.size).toBe(0);
    expectRestored(p);
  });

  it('prune() forgets marks the page removed with their paragraph', () => {
    const { p, set, marks } = twoMarks();
    p.root.querySelectorAll('p')[1]!.remove();
    expect(set.prune()).toEqual([marks[1]]);
    expect(set.all()).toEqual([marks[0]]);
  });
});

describe('fallbackShort', () => {
  it('cuts long page text at a word', () => {
    expect(fallbackShort('practices were closed')).toBe('practices were closed');
    expect(fallbackShort('GP practices were closed to patients for most of the first year of the pandemic, critics said', 40)).toBe(
      'GP practices were closed to patients…',
    );
  });
});

describe('ensureMarkStyle', () => {
  it('adds the style once and takes it out again', () => {
    const before = document.head.innerHTML;
    const remove = ensureMarkStyle(document);
    ensureMarkStyle(document);
    expect(document.head.querySelectorAll(`style[${MARK_STYLE_ATTR}]`)).toHaveLength(1);
    expect(document.head.querySelector(`style[${MARK_STYLE_ATTR}]`)!.textContent).toContain('forced-colors');
    remove();
    expect(document.head.innerHTML).toBe(before);
  });
});
