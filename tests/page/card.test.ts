import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardHost, piecesReference, wxtCardUi } from '@/lib/page/card';
import { lazyCardHost, type CardHost } from '@/lib/page/card-loader';
import type { CardProps } from '@/components/Card';
import { emptyFigures } from '@/components/CardFigures';
import { shadowOf } from '../shadow-of';

const props = (over: Partial<CardProps> = {}): CardProps => ({
  quote: 'practices were closed',
  stance: 'asserted',
  wording: 'practices were closed',
  statement: 'GP practices were closed during the pandemic',
  figures: emptyFigures(),
  status: { kind: 'ready' },
  onClose: vi.fn(),
  onDismiss: vi.fn(),
  onPause: vi.fn(),
  ...over,
});

let ctx: ContentScriptContext;
afterEach(() => {
  ctx?.notifyInvalidated();
  document.body.innerHTML = '';
});

function claim() {
  document.body.innerHTML = '<p>GP <footnote-mark id="a">practices</footnote-mark> were <footnote-mark id="b">closed</footnote-mark></p>';
  return [document.getElementById('a')!, document.getElementById('b')!];
}

describe('createCardHost', () => {
  it('mounts the card in a shadow root on show, placed and focused, and takes its host out of the page on hide', async () => {
    ctx = new ContentScriptContext('card-test');
    const host = createCardHost(wxtCardUi(ctx));
    const pieces = claim();
    expect(document.querySelector('footnote-card')).toBeNull();
    await host.show(pieces, props(), { focus: true });
    const shadowHost = document.querySelector('footnote-card')!;
    // Closed: the page cannot reach the card's content through its host.
    expect(shadowHost.shadowRoot).toBeNull();
    expect(shadowOf(shadowHost)).not.toBeNull();
    const dialog = shadowOf(shadowHost)!.querySelector('[role="dialog"]') as HTMLElement;
    expect(host.dialog).toBe(dialog);
    expect(shadowOf(shadowHost)!.activeElement).toBe(dialog);
    // Its stylesheet goes into the shadow root, not into the page (vitest empties CSS, so the e2e tests check the rules).
    expect(shadowOf(shadowHost)!.querySelector('style')).not.toBeNull();
    expect(document.head.querySelector('style')).toBeNull();
    const box = dialog.parentElement!;
    expect(box.style.position).toBe('fixed');
    expect(box.style.visibility).toBe('visible');
    expect(box.style.left).toMatch(/^\d+px$/);

    host.update(props({ quote: 'surgeries shut' }));
    expect(dialog.querySelector('blockquote')!.textContent).toBe('surgeries shut');

    const click = new MouseEvent('click', { bubbles: true, composed: true });
    let inside = false;
    document.addEventListener('click', (e) => (inside = host.contains(e)), { once: true });
    dialog.querySelector('h2')!.dispatchEvent(click);
    expect(inside).toBe(true);

    host.hide();
    expect(host.isOpen).toBe(false);
    expect(document.querySelector('footnote-card')).toBeNull();
    // And again: the same UI mounts a second time.
    await host.show(pieces, props(), { focus: false });
    expect(document.querySelectorAll('footnote-card')).toHaveLength(1);
    ctx.notifyInvalidated();
    expect(document.querySelector('footnote-card')).toBeNull();
  });

  it('measures a claim in pieces as one box', () => {
    const pieces = claim();
    pieces[0]!.getBoundingClientRect = () => new DOMRect(10, 20, 50, 16);
    pieces[1]!.getBoundingClientRect = () => new DOMRect(5, 40, 30, 16);
    const box = piecesReference(pieces).getBoundingClientRect();
    expect([box.left, box.top, box.right, box.bottom]).toEqual([5, 20, 60, 56]);
  });
});

describe('lazyCardHost', () => {
  function fake(): CardHost & { shown: number } {
    let open = false;
    return {
      shown: 0,
      async show() {
        this.shown++;
        open = true;
      },
      update() {},
      hide() {
        open = false;
      },
      get isOpen() {
        return open;
      },
      contains: () => false,
      dialog: null,
      destroy() {},
    };
  }

  it('loads the card once, on the first show', async () => {
    const real = fake();
    const load = vi.fn(async () => real);
    const host = lazyCardHost(load);
    expect(host.isOpen).toBe(false);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([host.show([], props()), host.show([], props())]);
    await host.show([], props());
    expect(load).toHaveBeenCalledOnce();
    expect(host.isOpen).toBe(true);
  });

  it('a hide while the card loads wins over the show that started the load', async () => {
    const real = fake();
    let finish!: (h: CardHost) => void;
    const host = lazyCardHost(() => new Promise((r) => (finish = r)));
    const showing = host.show([], props());
    host.hide();
    finish(real);
    await showing;
    expect(real.shown).toBe(0);
    expect(host.isOpen).toBe(false);
  });

  it('tries again after a failed load', async () => {
    const real = fake();
    const load = vi.fn().mockRejectedValueOnce(new Error('card script missing')).mockResolvedValueOnce(real);
    const host = lazyCardHost(load);
    await expect(host.show([], props())).rejects.toThrow('card script missing');
    await host.show([], props());
    expect(real.shown).toBe(1);
  });
});
