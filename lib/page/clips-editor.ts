/**
 * Where the clip editor lives in the page: a shadow root (WXT `createShadowRootUi`) made on first
 * use and taken out of the page whenever the editor closes. Part of the `clips-ui` script, which
 * the content script loads only on pages with clips or when the reader clips (clips-boot.ts).
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ClipEditor, type ClipEditorProps } from '@/components/ClipEditor';
import editorCss from '@/components/ClipEditor.css?inline';
import { wxtShadowUi, type CreateShadowUi, type ShadowUi } from './shadow-ui';

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
  let ui: Promise<EditorUi> | null = null;
  let mounted: EditorUi | null = null;
  let current: ClipEditorProps | null = null;
  let destroyed = false;
  let generation = 0;

  const paint = () => {
    if (mounted && current) render(h(ClipEditor, current), mounted.uiContainer);
  };

  const hide = () => {
    generation++;
    current = null;
    if (mounted) {
      render(null, mounted.uiContainer);
      mounted.remove();
      mounted = null;
    }
  };

  return {
    async show(props) {
      if (destroyed) return;
      const mine = ++generation;
      ui ??= createUi();
      const theUi = await ui;
      if (mine !== generation || destroyed) return;
      const opening = !mounted;
      if (!mounted) {
        theUi.mount();
        mounted = theUi;
      }
      current = props;
      paint();
      if (opening) mounted.uiContainer.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
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
      hide();
      destroyed = true;
    },
  };
}
