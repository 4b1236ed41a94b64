import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyVendorPatch, VENDOR_PATCHES } from '@/scripts/build/vendor-hardening';

const require = createRequire(import.meta.url);
const FILES: Record<string, string> = {
  "zod's eval probe": join(dirname(require.resolve('zod/package.json')), 'v4/core/util.js'),
  "Preact's dangerouslySetInnerHTML write": join(dirname(require.resolve('preact/package.json')), 'dist/preact.mjs'),
};

describe('vendor hardening', () => {
  it.each(VENDOR_PATCHES.map((p) => [p.why, p] as const))('finds %s once in the installed library and removes it', (why, patch) => {
    const file = FILES[why]!;
    expect(patch.module.test(file)).toBe(true);
    const code = readFileSync(file, 'utf8');
    const patched = applyVendorPatch(patch, code, file);
    expect(patched).not.toContain(patch.find);
    expect(patched).toContain(patch.replace);
  });

  it('the patched libraries keep no eval probe and no innerHTML write', () => {
    const zod = applyVendorPatch(VENDOR_PATCHES[0]!, readFileSync(FILES["zod's eval probe"]!, 'utf8'), 'zod');
    expect(zod).not.toMatch(/new F\(""\)/);
    const preact = applyVendorPatch(VENDOR_PATCHES[1]!, readFileSync(FILES["Preact's dangerouslySetInnerHTML write"]!, 'utf8'), 'preact');
    expect(preact).not.toMatch(/\.innerHTML\s*=/);
  });

  it('stops the build when a library no longer has the code it patches', () => {
    expect(() => applyVendorPatch(VENDOR_PATCHES[0]!, 'export const x = 1;', 'zod/util.js')).toThrow(/the library changed/);
    const twice = `${VENDOR_PATCHES[1]!.find};${VENDOR_PATCHES[1]!.find}`;
    expect(() => applyVendorPatch(VENDOR_PATCHES[1]!, twice, 'preact.mjs')).toThrow(/not where it was/);
  });
});
