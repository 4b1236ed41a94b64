/**
 * Random page DOMs for the property tests: nested inline and block elements, text split across
 * many adjacent (and empty) text nodes, comments, <br>, right-to-left text and direction marks,
 * emoji (surrogate pairs, ZWJ sequences, flags), combining characters, lone surrogates, odd
 * whitespace, open shadow roots, iframes, contenteditable regions and script/style/textarea.
 *
 * A tree is generated as a plain description (so fast-check can print and shrink it) and built
 * with DOM calls, never parsed from HTML: the parser would merge adjacent text nodes and drop
 * empty ones, which are exactly the shapes worth trying.
 */
import fc from 'fast-check';

export type NodeSpec =
  | { kind: 'text'; data: string }
  | { kind: 'comment'; data: string }
  | { kind: 'br' }
  | { kind: 'iframe' }
  | { kind: 'raw'; tag: 'script' | 'style' | 'textarea'; data: string }
  | { kind: 'el'; tag: string; attrs: [string, string][]; children: NodeSpec[] }
  | { kind: 'shadow'; tag: string; children: NodeSpec[]; shadow: NodeSpec[] }
  | { kind: 'editable'; value: string; children: NodeSpec[] };

/** Pieces of text a page may hold, chosen for what they do to offsets and splitting. */
export const TEXT_FRAGMENTS = [
  'GP', 'practices', 'were', 'closed', 'during', 'the', 'pandemic', 'face-to-face', '164m', 'appointments', ' ', ' ', '.', ',',
  // Right-to-left scripts, direction marks and overrides.
  'العيادات', 'مغلقة', 'מרפאות', 'סגורות', '\u200f', '\u200e', '\u202e', '\u2067',
  // Emoji: surrogate pairs, modifiers, ZWJ sequences, a flag.
  '🏥', '👍🏽', '👩‍⚕️', '🇬🇧', '😀',
  // Combining characters (decomposed accents, stacked marks).
  'e\u0301', 'a\u0308\u0323', 'Z\u0351\u0359\u0316', '\u0301',
  // Whitespace the page may use, zero-width characters, a lone surrogate.
  '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\u200b', '\u200d', '\ufeff', '\ud83d',
  // Quotes and markup-looking text (it is text here).
  '“', '”', '<b>', '&amp;',
];

const textData = fc.array(fc.constantFrom(...TEXT_FRAGMENTS), { maxLength: 6 }).map((parts) => parts.join(''));

const INLINE_TAGS = ['span', 'em', 'b', 'i', 'a', 'code', 'bdi', 'bdo', 'q', 'small', 'sub', 'mark', 'font', 'x-widget'];
const BLOCK_TAGS = ['p', 'div', 'section', 'li', 'blockquote', 'h2', 'pre', 'td'];

const attrs = fc.array(
  fc.oneof(
    fc.constantFrom<[string, string]>(['dir', 'rtl'], ['dir', 'ltr'], ['dir', 'auto'], ['lang', 'ar'], ['lang', 'he'], ['class', 'lede'], ['title', 'x']),
    // A few ids from a small pool, so that some repeat (pages do that).
    fc.constantFrom('a', 'main', 'p1', 'x-1', '1bad', 'has space').map((id): [string, string] => ['id', id]),
  ),
  { maxLength: 2 },
).map((list) => {
  // One value per attribute name.
  const seen = new Map(list);
  return [...seen.entries()];
});

export interface TreeOptions {
  /** Include shadow roots, iframes, contenteditable and script/style (default true). */
  exotic?: boolean;
  maxDepth?: number;
}

export function treeArbitrary(options: TreeOptions = {}): fc.Arbitrary<NodeSpec[]> {
  const exotic = options.exotic ?? true;
  const maxDepth = options.maxDepth ?? 4;
  const { node } = fc.letrec<{ node: NodeSpec; children: NodeSpec[] }>((tie) => {
    const leaves: fc.Arbitrary<NodeSpec>[] = [
      textData.map((data): NodeSpec => ({ kind: 'text', data })),
      textData.map((data): NodeSpec => ({ kind: 'text', data })),
      textData.map((data): NodeSpec => ({ kind: 'text', data })),
      fc.constantFrom('', ' note ', '<p>x</p>').map((data): NodeSpec => ({ kind: 'comment', data })),
      fc.constant<NodeSpec>({ kind: 'br' }),
    ];
    if (exotic) {
      leaves.push(
        fc.constant<NodeSpec>({ kind: 'iframe' }),
        fc.record({ tag: fc.constantFrom('script', 'style', 'textarea' as const), data: textData }).map((r): NodeSpec => ({ kind: 'raw', ...r })),
      );
    }
    const branches: fc.Arbitrary<NodeSpec>[] = [
      fc.record({ tag: fc.constantFrom(...INLINE_TAGS), attrs, children: tie('children') }).map((r): NodeSpec => ({ kind: 'el', ...r })),
      fc.record({ tag: fc.constantFrom(...INLINE_TAGS), attrs, children: tie('children') }).map((r): NodeSpec => ({ kind: 'el', ...r })),
      fc.record({ tag: fc.constantFrom(...BLOCK_TAGS), attrs, children: tie('children') }).map((r): NodeSpec => ({ kind: 'el', ...r })),
    ];
    if (exotic) {
      branches.push(
        fc.record({ tag: fc.constantFrom('div', 'span', 'x-card'), children: tie('children'), shadow: tie('children') }).map((r): NodeSpec => ({ kind: 'shadow', ...r })),
        fc.record({ value: fc.constantFrom('true', '', 'plaintext-only', 'TRUE'), children: tie('children') }).map((r): NodeSpec => ({ kind: 'editable', ...r })),
      );
    }
    return {
      node: fc.oneof({ depthSize: 'small', maxDepth, withCrossShrink: true }, fc.oneof(...leaves), fc.oneof(...branches)),
      children: fc.array(tie('node'), { maxLength: 5 }),
    };
  });
  return fc.array(node, { minLength: 1, maxLength: 8 });
}

/** Builds the described nodes with DOM calls (adjacent and empty text nodes survive). */
export function buildNodes(doc: Document, specs: readonly NodeSpec[]): Node[] {
  return specs.map((spec) => buildNode(doc, spec));
}

function buildNode(doc: Document, spec: NodeSpec): Node {
  switch (spec.kind) {
    case 'text':
      return doc.createTextNode(spec.data);
    case 'comment':
      return doc.createComment(spec.data);
    case 'br':
      return doc.createElement('br');
    case 'iframe': {
      // A document of its own (srcdoc; happy-dom loads no other iframe page), with claim text Footnote must not reach.
      const el = doc.createElement('iframe');
      el.setAttribute('srcdoc', '<p>GP practices were closed during the pandemic.</p>');
      return el;
    }
    case 'raw': {
      const el = doc.createElement(spec.tag);
      el.appendChild(doc.createTextNode(spec.data));
      return el;
    }
    case 'el': {
      const el = doc.createElement(spec.tag);
      for (const [name, value] of spec.attrs) el.setAttribute(name, value);
      if (spec.tag === 'a') el.setAttribute('href', '#here');
      if (spec.tag === 'bdo' && !el.hasAttribute('dir')) el.setAttribute('dir', 'rtl');
      for (const child of buildNodes(doc, spec.children)) el.appendChild(child);
      return el;
    }
    case 'shadow': {
      const el = doc.createElement(spec.tag);
      for (const child of buildNodes(doc, spec.children)) el.appendChild(child);
      const shadow = el.attachShadow({ mode: 'open' });
      for (const child of buildNodes(doc, spec.shadow)) shadow.appendChild(child);
      return el;
    }
    case 'editable': {
      const el = doc.createElement('div');
      el.setAttribute('contenteditable', spec.value);
      for (const child of buildNodes(doc, spec.children)) el.appendChild(child);
      return el;
    }
  }
}

/** Every node under `root` (shadow roots included) in order, with what a change could alter. */
export interface DomSnapshot {
  nodes: Node[];
  shapes: string[];
}

export function snapshot(root: Node): DomSnapshot {
  const nodes: Node[] = [];
  const shapes: string[] = [];
  const visit = (node: Node, depth: number) => {
    nodes.push(node);
    shapes.push(describe(node, depth));
    const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
    if (shadow) visit(shadow, depth + 1);
    for (const child of Array.from(node.childNodes)) visit(child, depth + 1);
  };
  visit(root, 0);
  return { nodes, shapes };
}

function describe(node: Node, depth: number): string {
  const pad = `${depth}:`;
  if (node.nodeType === 3 || node.nodeType === 8) return `${pad}${node.nodeType}:${JSON.stringify((node as CharacterData).data)}`;
  if (node.nodeType === 1) {
    const el = node as Element;
    const attributes = Array.from(el.attributes)
      .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
      .sort()
      .join(' ');
    return `${pad}<${el.localName} ${attributes}>[${el.childNodes.length}]`;
  }
  return `${pad}#${node.nodeType}[${node.childNodes.length}]`;
}

/** Where two snapshots differ first, or null when every node is the same object with the same shape. */
export function snapshotDiff(before: DomSnapshot, after: DomSnapshot): string | null {
  const n = Math.max(before.nodes.length, after.nodes.length);
  for (let i = 0; i < n; i++) {
    if (before.nodes[i] !== after.nodes[i] || before.shapes[i] !== after.shapes[i]) {
      return `node ${i}: before ${before.shapes[i] ?? '(none)'}${before.nodes[i] === after.nodes[i] ? '' : ' (another object)'}, after ${after.shapes[i] ?? '(none)'}`;
    }
  }
  return null;
}

/** Random spans, as fractions of a text's length: [start, length] pairs. */
export const spansArbitrary = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 80 })), { maxLength: 6 });

/** A span of a text of `length` characters from a [fraction, length] pair; null when the text is empty. */
export function spanIn(length: number, [at, len]: [number, number]): [number, number] | null {
  if (length === 0) return null;
  const start = Math.min(length - 1, Math.floor(at * length));
  return [start, Math.min(length, start + len)];
}
