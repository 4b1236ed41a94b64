/**
 * The reader's hands on the marks: a click, Enter or Space opens a mark's card, Escape closes it,
 * hovering and focus light a mark up, and a click or focus elsewhere in the page sets the card
 * aside. The listeners are delegated from the document (marks come and go with the page) and go
 * with the session's signal; events a page script dispatches open nothing (reader-input.ts).
 */
import type { CardHost } from './card-loader';
import type { CardPresenter } from './card-presenter';
import { setActive, type MarkSet } from './highlight';
import { fromPageScript } from './reader-input';

export function listenToMarks(doc: Document, signal: AbortSignal, marks: MarkSet, card: CardHost, presenter: CardPresenter): void {
  const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler as EventListener, { signal });

  on('click', (event) => {
    if (fromPageScript(event)) return;
    const mark = marks.find(event.target);
    if (mark) {
      // A mark inside a link opens the card rather than leaving the page.
      event.preventDefault();
      void presenter.openCard(mark, true);
    } else if (presenter.open && !card.contains(event)) presenter.closeCard(false);
  });
  on('keydown', (event) => {
    if (fromPageScript(event)) return;
    const mark = marks.find(event.target);
    if (!mark || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void presenter.openCard(mark, true);
    } else if (event.key === 'Escape' && presenter.open) {
      presenter.closeCard(true);
    }
  });
  on('mouseover', (event) => {
    const mark = marks.find(event.target);
    if (mark && marks.find(event.relatedTarget) !== mark) setActive(mark, true);
  });
  on('mouseout', (event) => {
    const mark = marks.find(event.target);
    if (mark && marks.find(event.relatedTarget) !== mark && mark !== presenter.open) setActive(mark, false);
  });
  on('focusin', (event) => {
    const mark = marks.find(event.target);
    if (mark) setActive(mark, true);
    // Focus went elsewhere in the page: the card steps aside.
    if (presenter.open && mark !== presenter.open && !card.contains(event)) presenter.closeCard(false);
  });
  on('focusout', (event) => {
    const mark = marks.find(event.target);
    if (mark && mark !== presenter.open) setActive(mark, false);
  });
}
