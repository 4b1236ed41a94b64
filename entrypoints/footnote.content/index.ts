import { runContentScript } from '@/lib/page/content-main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The announcement would tell every page Footnote's extension id (lib/page/announcement-guard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runContentScript(ctx).catch((err: unknown) => {
      // A page must never see Footnote fail; the console is where a developer looks.
      console.debug('[Footnote]', err);
    });
  },
});
