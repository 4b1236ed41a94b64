/** Whether a node is inside Footnote's own UI on the page (editor, notice, card) rather than the page's text. */
import { EDITOR_HOST_TAG } from './clips-editor';
import { NOTICE_HOST_TAG } from './page-notice-tag';

export function isFootnoteUi(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!el?.closest(`${EDITOR_HOST_TAG}, ${NOTICE_HOST_TAG}, footnote-card`);
}
