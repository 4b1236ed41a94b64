/**
 * The text of a DOM subtree as one string, with a map from string offsets back to text nodes.
 * Text node data is kept exactly (no whitespace folding) so that an offset in the string is an
 * offset in a node; block boundaries and <br> add a "\n" that belongs to no node. The engine
 * works on `text`; highlighting and anchoring turn offsets back into node ranges with `piecesOf`.
 */

const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE']);

const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'INS', 'DEL', 'LABEL', 'FOOTNOTE-MARK', 'FOOTNOTE-CLIP',
]);

export interface TextMap {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s first character in `text`. */
  starts: number[];
}

export interface TextMapOptions {
  /** Elements to leave out with everything inside them (page furniture, Footnote's own UI). */
  skip?: (el: Element) => boolean;
}

export function isBlock(el: Element): boolean {
  return !INLINE.has(el.tagName.toUpperCase());
}

// Code editors that draw their text in plain elements (no contenteditable): CodeMirror 5, Monaco, Ace.
const CODE_EDITOR = /(?:^|\s)(?:CodeMirror|monaco-editor|ace_editor|cm-editor)(?:\s|$)/;

/**
 * Whether an element is a region the reader (or a script) edits: contenteditable, a textbox role,
 * a code editor. Footnote reads no text there and so never writes into it: a mark inside an editor
 * would end up in what the reader saves or types, and editors rewrite their DOM on every key.
 */
export function isEditable(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  const cls = el.getAttribute('class');
  return cls !== null && CODE_EDITOR.test(cls);
}

/** Whether `node` sits in an editable region or a document in design mode (so its text is not the page's to mark). */
export function insideEditable(node: Node): boolean {
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  if (doc && String((doc as { designMode?: string }).designMode).toLowerCase() === 'on') return true;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    // The nearest contenteditable attribute decides ("false" inside an editor is an island, still the editor's).
    if (isEditable(el)) return true;
  }
  return false;
}

export function buildTextMap(root: Node, options: TextMapOptions = {}): TextMap {
  const walk = walkTextMap(root, options);
  walk.step();
  return walk.map();
}

/** A text map read a part at a time: a long page's text is read between frames, not in one task. */
export interface TextMapWalk {
  /**
   * Reads on while `more()` holds (asked after every `every` nodes, 256 unless given; always at
   * least that many nodes) or to the end without it; true once the whole subtree has been read.
   */
  step(more?: () => boolean, every?: number): boolean;
  /** The map of the subtree: the same as `buildTextMap` gives, once `step` has returned true. */
  map(): TextMap;
}

/** Nodes read between two questions to `more()`: a fraction of a millisecond of reading. */
const NODES_PER_CHECK = 256;

/**
 * The walk `buildTextMap` makes, resumable: `step` reads until told to stop and picks up where it
 * stopped (the DOM is not copied, so a page that changes between steps is read as it is then).
 */
export function walkTextMap(root: Node, options: TextMapOptions = {}): TextMapWalk {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let endsWithBreak = true;
  // Iterative walk: article pages nest deeply enough to make recursion a risk.
  const stack: { node: Node; leaving: boolean }[] = [];
  // A part of the page inside an editor (a block the page changed, read on its own) holds no text for Footnote.
  const around = root.nodeType === 9 ? (root as Document).documentElement : root.parentNode;
  if (!insideEditable(around ?? root)) stack.push({ node: root, leaving: false });

  const push = (s: string) => {
    parts.push(s);
    length += s.length;
    endsWithBreak = s.endsWith('\n');
  };
  const breakLine = () => {
    if (!endsWithBreak) push('\n');
  };

  const visit = (node: Node, leaving: boolean) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      nodes.push(node as Text);
      starts.push(length);
      push(data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node.nodeType === 1 ? (node as Element) : null;
    if (el) {
      const tag = el.tagName.toUpperCase();
      if (leaving) {
        if (isBlock(el)) breakLine();
        return;
      }
      if (NEVER_TEXT.has(tag) || el.hasAttribute('hidden') || isEditable(el) || options.skip?.(el)) return;
      if (tag === 'BR') {
        push('\n');
        return;
      }
      if (isBlock(el)) breakLine();
      stack.push({ node, leaving: true });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  };

  let text: string | null = null;
  return {
    step(more, every = NODES_PER_CHECK) {
      for (let n = 1; stack.length > 0; n++) {
        const { node, leaving } = stack.pop()!;
        visit(node, leaving);
        if (more && n % every === 0 && !more()) break;
      }
      return stack.length === 0;
    },
    map() {
      text ??= parts.join('');
      if (text.length !== length) text = parts.join('');
      return { text, nodes, starts };
    },
  };
}

export interface TextPiece {
  node: Text;
  /** Offsets inside `node.data`, end exclusive. */
  start: number;
  end: number;
}

/** Index of the last node starting at or before `offset`. */
export function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The pieces of text nodes that cover `[start, end)` of `map.text`; separators are left out. */
export function piecesOf(map: TextMap, start: number, end: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  if (end <= start || map.nodes.length === 0) return pieces;
  for (let i = nodeIndexAt(map, start); i < map.nodes.length; i++) {
    const nodeStart = map.starts[i]!;
    if (nodeStart >= end) break;
    const node = map.nodes[i]!;
    const from = Math.max(start, nodeStart) - nodeStart;
    const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
    if (to > from) pieces.push({ node, start: from, end: to });
  }
  return pieces;
}
