/**
 * Removes two code paths from libraries that Footnote never takes and that AMO's linter rightly
 * flags: zod's probe for `new Function` (Footnote sets zod's `jitless`, so the probe's answer is
 * never used) and Preact's write of `dangerouslySetInnerHTML` (no component uses it; with the write
 * gone, none ever could, so page text can only ever become text nodes). Each patch names the exact
 * code it replaces: if a library update changes that code, the build stops and says so instead
 * of shipping the path again unnoticed.
 */
import type { Plugin } from 'vite';

export interface VendorPatch {
  /** The module, matched against its resolved id. */
  module: RegExp;
  find: string;
  replace: string;
  why: string;
}

export const VENDOR_PATCHES: readonly VendorPatch[] = [
  {
    module: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: 'try {\n        const F = Function;\n        new F("");\n        return true;\n    }\n    catch (_) {\n        return false;\n    }',
    replace: 'return false;',
    why: "zod's eval probe",
  },
  {
    module: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: '(t.innerHTML=h.__html)',
    replace: '(()=>{throw Error("Footnote renders no HTML strings: dangerouslySetInnerHTML is refused")})()',
    why: "Preact's dangerouslySetInnerHTML write",
  },
];

/** The module's code with its patch applied; throws where the code to replace is not found once. */
export function applyVendorPatch(patch: VendorPatch, code: string, id: string): string {
  const at = code.indexOf(patch.find);
  if (at < 0 || code.indexOf(patch.find, at + 1) >= 0) {
    throw new Error(`vendor-hardening: ${patch.why} is not where it was in ${id}; the library changed: review scripts/build/vendor-hardening.ts`);
  }
  return code.slice(0, at) + patch.replace + code.slice(at + patch.find.length);
}

export function vendorHardening(patches: readonly VendorPatch[] = VENDOR_PATCHES): Plugin {
  return {
    name: 'footnote-vendor-hardening',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const patch = patches.find((p) => p.module.test(id.replace(/\?.*$/, '')));
      return patch ? { code: applyVendorPatch(patch, code, id), map: null } : null;
    },
  };
}
