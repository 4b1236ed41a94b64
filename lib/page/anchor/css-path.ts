/**
 * A CSS path from a root to an element ("#main > div:nth-of-type(2) > p:nth-of-type(3)"), for the
 * RangeSelector: the most exact way back to a passage while the page's structure is unchanged.
 * Footnote's own wrappers are never part of a path, so that highlights do not change paths.
 */

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,80}$/;

export function isFootnoteWrapper(el: Element): boolean {
  return el.tagName.toUpperCase().startsWith('FOOTNOTE-');
}

/** The nearest ancestor-or-self element that is the page's own. */
export function pageElementOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isFootnoteWrapper(el)) el = el.parentElement;
  return el;
}

export function cssPath(el: Element, root: Element): string | null {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  let current: Element | null = el;
  while (current) {
    const tag = current.tagName.toLowerCase();
    const id = current.id;
    if (id && SAFE_ID.test(id) && doc.querySelectorAll(`#${id}`).length === 1) {
      parts.unshift(`#${id}`);
      return parts.join(' > ');
    }
    if (current === root) {
      parts.unshift(tag);
      return parts.join(' > ');
    }
    const parent: Element | null = current.parentElement;
    if (!parent) return null; // not under root
    let nth = 1;
    for (let sib = current.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.tagName === current.tagName) nth++;
    }
    parts.unshift(`${tag}:nth-of-type(${nth})`);
    current = parent;
  }
  return null;
}

/** The element a path names under `root`, or null (a bad or stale path is simply not found). */
export function resolveCssPath(root: Element, path: string): Element | null {
  try {
    if (path === root.tagName.toLowerCase()) return root;
    const found = root.ownerDocument.querySelector(path);
    return found && (found === root || root.contains(found)) ? found : null;
  } catch {
    return null;
  }
}
