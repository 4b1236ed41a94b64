/** Small DOM helpers for the evidence UI tests (happy-dom). */
export function typeInto(el: Element | null, value: string, blur = true): void {
  if (!el) throw new Error('no such field');
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (blur) input.dispatchEvent(new FocusEvent('blur'));
}

export async function until<T>(fn: () => T | null | undefined | false, what = 'a condition', timeout = 3000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const tick = () => new Promise((r) => setTimeout(r, 0));
