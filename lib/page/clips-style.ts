/**
 * The look of clip highlights (`footnote-clip`) in the page: a blue tint with a dotted underline,
 * unlike the amber of claim marks, readable on light and dark pages; the system's Highlight
 * colours in forced-colors mode. One <style> element, removed with the last clip highlight.
 */
export const CLIP_TAG = 'footnote-clip';
export const CLIP_STYLE_ATTR = 'data-footnote-clip-style';

export const CLIP_CSS = `
footnote-clip[data-clip] {
  display: inline;
  color: inherit;
  background-color: rgba(66, 133, 244, 0.2);
  border-bottom: 2px dotted rgba(26, 86, 196, 0.9);
  text-decoration: inherit;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
footnote-clip[data-clip][data-revealed] {
  background-color: rgba(66, 133, 244, 0.45);
  outline: 2px solid rgba(26, 86, 196, 0.9);
  outline-offset: 1px;
}
@media (forced-colors: active) {
  footnote-clip[data-clip] {
    forced-color-adjust: none;
    background-color: Highlight;
    color: HighlightText;
    border-bottom-color: HighlightText;
  }
}
@media print {
  footnote-clip[data-clip] { background: none; border: 0; }
}
`;

export function ensureClipStyle(doc: Document): () => void {
  let style = doc.querySelector<HTMLStyleElement>(`style[${CLIP_STYLE_ATTR}]`);
  if (!style) {
    style = doc.createElement('style');
    style.setAttribute(CLIP_STYLE_ATTR, '');
    style.textContent = CLIP_CSS;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  const el = style;
  return () => el.remove();
}
