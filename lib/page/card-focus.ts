/**
 * Focus within the card. The card's host is the page's last element, so Tab after its last control
 * would leave the page for the browser's own toolbar: instead the reader goes back to the mark, in
 * the article, where Tab carries on through the page.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The controls of `container` a reader reaches with Tab, in order (hidden ones left out). */
export function tabbable(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    // Inside a closed <details>, only its summary takes focus.
    const details = el.parentElement?.closest('details');
    if (details && !details.open && el.localName !== 'summary') return false;
    if (el.localName === 'input' && (el as HTMLInputElement).type === 'radio' && !(el as HTMLInputElement).checked) return false;
    return el.getClientRects().length > 0 || el.offsetParent !== null;
  });
}

/** Whether a Tab (without Shift) from `target` would leave `container` past its last control. */
export function tabLeavesAtEnd(container: Element, target: EventTarget | null): boolean {
  const all = tabbable(container);
  return all.length === 0 ? target === container : all[all.length - 1] === target;
}
