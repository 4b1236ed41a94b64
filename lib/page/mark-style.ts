/**
 * The look of `footnote-mark` in the page. Marks live in the page's DOM (not in a shadow root), so
 * their style goes into the page once as one <style> element, which is removed with the last mark.
 *
 * The page decides the background, not the reader's system: a translucent amber tint and an
 * underline in a mid tone keep the page's own text colour readable on light and dark pages alike.
 * In forced-colors mode the system's Mark colours are used so the highlight survives the palette.
 */
export const MARK_STYLE_ATTR = 'data-footnote-style';

export const MARK_CSS = `
footnote-mark[data-claim] {
  display: inline;
  color: inherit;
  background-color: rgba(255, 176, 0, 0.26);
  border-bottom: 2px solid rgba(196, 110, 0, 0.95);
  border-radius: 2px;
  cursor: pointer;
  text-decoration: inherit;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
footnote-mark[data-claim][data-stance="reported"] { border-bottom-style: dashed; }
footnote-mark[data-claim][data-active] { background-color: rgba(255, 176, 0, 0.5); }
footnote-mark[data-claim]:focus { outline: none; }
footnote-mark[data-claim]:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
@media (forced-colors: active) {
  footnote-mark[data-claim] {
    forced-color-adjust: none;
    background-color: Mark;
    color: MarkText;
    border-bottom-color: MarkText;
  }
  footnote-mark[data-claim][data-active] { background-color: Highlight; color: HighlightText; }
  footnote-mark[data-claim]:focus-visible { outline-color: CanvasText; }
}
@media print {
  footnote-mark[data-claim] { background: none; border: 0; }
}
`;

/** Puts the mark style into the page if it is not there yet; returns the function that takes it out. */
export function ensureMarkStyle(doc: Document): () => void {
  let style = doc.querySelector<HTMLStyleElement>(`style[${MARK_STYLE_ATTR}]`);
  if (!style) {
    style = doc.createElement('style');
    style.setAttribute(MARK_STYLE_ATTR, '');
    style.textContent = MARK_CSS;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  const el = style;
  return () => el.remove();
}
