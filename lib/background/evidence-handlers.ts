/**
 * The background's answers to evidence, pack and dismissal messages. Every read waits until the
 * built-in pack is in the store, so the first card or options page after install is never empty.
 */
import type { Handlers } from '../messages';
import type { DismissalRepository } from '../db/dismissals';
import type { EvidenceRepository } from '../db/evidence-store';
import { bareClaim, bareEvidence } from '../model/stored';
import type { Series } from '../model/series';
import { seriesForClaim } from '../claims/series-claims';
import type { Seeder } from './evidence-seed';

export interface EvidenceDeps {
  evidence: EvidenceRepository;
  dismissals: DismissalRepository;
  seeder: Pick<Seeder, 'ready'>;
  /** Every series the store holds; without it cards carry no series. */
  series?: () => Promise<readonly Series[]>;
  now?: () => Date;
}

/** "footnote-evidence-2026-11-23.json" */
export function exportFileName(date: Date): string {
  return `footnote-evidence-${date.toISOString().slice(0, 10)}.json`;
}

export function createEvidenceHandlers(deps: EvidenceDeps): Handlers {
  const now = deps.now ?? (() => new Date());
  return {
    'evidence/forClaim': async ({ claimId }) => {
      await deps.seeder.ready();
      const [{ claim, evidence }, all] = await Promise.all([deps.evidence.forClaim(claimId), deps.series?.() ?? []]);
      const series = seriesForClaim(all, claimId).map((s) => s.series);
      return { claim: claim && bareClaim(claim), evidence: evidence.map(bareEvidence), series };
    },
    'series/list': async () => ({ series: [...((await deps.series?.()) ?? [])] }),
    'evidence/list': async () => {
      await deps.seeder.ready();
      const [claims, evidence] = await Promise.all([deps.evidence.listClaims(), deps.evidence.listEvidence()]);
      return { claims, evidence };
    },
    'evidence/save': async ({ evidence }) => {
      await deps.seeder.ready();
      return { evidence: await deps.evidence.saveEvidence(evidence, now().getTime()) };
    },
    'evidence/delete': async ({ id }) => ({ deleted: await deps.evidence.deleteEvidence(id, now().getTime()) }),
    'evidence/restore': async ({ evidence }) => {
      await deps.evidence.restoreEvidence(evidence);
      return {};
    },
    'packs/export': async ({ includeBuiltin }) => {
      await deps.seeder.ready();
      const date = now();
      const pack = await deps.evidence.exportPack({ includeBuiltin, now: date });
      return { fileName: exportFileName(date), text: `${JSON.stringify(pack, null, 2)}\n`, claims: pack.claims.length, evidence: pack.evidence.length };
    },
    'packs/import': async ({ text }) => {
      await deps.seeder.ready();
      const r = await deps.evidence.importPackText(text, now().getTime());
      return r.ok ? { ok: true, packId: r.pack.id, summary: r.summary, errors: [] } : { ok: false, packId: null, summary: null, errors: r.errors };
    },
    'dismissals/list': async ({ url }) => ({ keys: await deps.dismissals.list(url) }),
    'dismissals/add': async ({ url, key, sentence }) => {
      await deps.dismissals.add(url, key, now().getTime(), sentence);
      return {};
    },
  };
}
