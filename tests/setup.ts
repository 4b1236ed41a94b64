import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordShadowRoots } from './shadow-of';
import { installCatalogue } from '@/lib/i18n';
import english from '@/public/_locales/en_GB/messages.json';

recordShadowRoots();
// The browser's i18n API reads the catalogue in the extension; here the English file stands in.
installCatalogue(english);

beforeEach(() => {
  fakeBrowser.reset();
});
