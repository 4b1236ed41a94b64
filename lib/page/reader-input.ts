/**
 * Whether an event came from a page script rather than from the reader. Browsers mark every event
 * a script dispatches (`el.click()`, `dispatchEvent`) with `isTrusted: false`; Footnote acts only on
 * the reader's own keyboard and pointer, so a page cannot save, dismiss or pause in the reader's
 * name. (An environment with no `isTrusted` at all, such as a DOM stand-in, says nothing either way.)
 */
export const fromPageScript = (event: Event): boolean => event.isTrusted === false;

/** The events by which a reader acts on Footnote's page UI. */
export const READER_ACTIONS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit',
  'paste', 'cut', 'drop',
] as const;

/**
 * Stops every reader action a page script dispatches inside `root` (a Footnote shadow root) before
 * any of the UI's own handlers sees it: the capturing listener on the root runs first.
 */
const guarded = new WeakSet<EventTarget>();

export function refuseScriptedInput(root: EventTarget, signal?: AbortSignal): void {
  // A UI is mounted again each time it is shown: one guard per root is enough.
  if (guarded.has(root)) return;
  guarded.add(root);
  for (const type of READER_ACTIONS) {
    root.addEventListener(
      type,
      (event) => {
        if (!fromPageScript(event)) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true, ...(signal ? { signal } : {}) },
    );
  }
}
