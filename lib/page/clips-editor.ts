/**
 * Where the clip editor lives in the page: a shadow root (WXT `createShadowRootUi`) made on first
 * use and taken out of the page whenever the editor closes. Part of the `clips-ui` script, which
 * the content script loads only on pages with clips or when the reader clips (clips-boot.ts).
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ClipEditor, type ClipEditorProps } from '@/components/ClipEditor';
import editorCss from '@/components/ClipEditor.css?inline';
import { shadowUiSlot, wxtShadowUi, type CreateShadowUi, type ShadowUi } from './shadow-ui';

export const EDITOR_HOST_TAG = 'footnote-clip-editor';

export interface EditorHost {
  show(props: ClipEditorProps): Promise<void>;
  update(props: ClipEditorProps): void;
  hide(): void;
  readonly isOpen: boolean;
  destroy(): void;
}

export type EditorUi = ShadowUi;
export type CreateEditorUi = CreateShadowUi;

export const wxtEditorUi = (ctx: ContentScriptContext): CreateEditorUi => wxtShadowUi(ctx, EDITOR_HOST_TAG, editorCss);

export function createEditorHost(createUi: CreateEditorUi): EditorHost {
  const slot = shadowUiSlot(createUi);
  let current: ClipEditorProps | null = null;

  const paint = () => {
    if (slot.mounted && current) render(h(ClipEditor, current), slot.mounted.uiContainer);
  };
  const unmount = (ui: EditorUi) => render(null, ui.uiContainer);

  const hide = () => {
    current = null;
    slot.close(unmount);
  };

  return {
    async show(props) {
      const shown = await slot.open();
      if (!shown) return;
      current = props;
      paint();
      if (shown.opened) shown.ui.uiContainer.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
    },
    update(props) {
      if (!current) return;
      current = props;
      paint();
    },
    hide,
    get isOpen() {
      return current !== null;
    },
    destroy() {
      current = null;
      slot.destroy(unmount);
    },
  };
}
