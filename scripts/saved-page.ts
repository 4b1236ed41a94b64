/**
 * A saved page parsed as an inert document: happy-dom with no scripts run and nothing fetched,
 * as `npm run scan` and the corpus tools read pages. The window is closed once `read` returns.
 */
import { Window } from 'happy-dom';

export function readSavedPage<T>(html: string, read: (doc: Document) => T): T {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    return read(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  } finally {
    void window.happyDOM.close();
  }
}
