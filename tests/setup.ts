import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordShadowRoots } from './shadow-of';

recordShadowRoots();

beforeEach(() => {
  fakeBrowser.reset();
});
