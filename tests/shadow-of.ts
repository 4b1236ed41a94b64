/**
 * Footnote's page UI lives in closed shadow roots (host.shadowRoot is null for the page and for
 * tests alike). Unit tests reach them through the roots that tests/setup.ts records as they are
 * attached; nothing in lib/ can see this record.
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** Records every shadow root attached from now on (called once by tests/setup.ts). */
export function recordShadowRoots(): void {
  if (typeof Element === 'undefined') return;
  const attach = Element.prototype.attachShadow;
  if ((attach as { recorded?: true }).recorded) return;
  const recording = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  (recording as { recorded?: true }).recorded = true;
  Element.prototype.attachShadow = recording;
}

/** The shadow root of `host`, open or closed; null when it has none. */
export function shadowOf(host: Element | null | undefined): ShadowRoot | null {
  return host ? (host.shadowRoot ?? roots.get(host) ?? null) : null;
}
