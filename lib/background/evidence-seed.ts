/**
 * Keeps the built-in pack in the store: seeded on install and update (runtime.onInstalled), and
 * checked once per background lifetime before the first read, in case that event was missed (a
 * store cleared by the browser, an event that fired before the listener was ready).
 */
import type { EvidenceRepository } from '../db/evidence-store';
import { buildBuiltinPack } from '../packs/builtin';
import type { Pack } from '../packs/pack';
import { summaryLine } from '../packs/plan';

export interface Seeder {
  /** Brings the built-in records up to this release's pack; never touches the reader's records. */
  seed(reason: string): Promise<void>;
  /** Resolves once the built-in pack of this release is in the store. */
  ready(): Promise<void>;
}

export function createSeeder(repo: EvidenceRepository, pack: () => Pack = buildBuiltinPack, log: (line: string) => void = console.info): Seeder {
  let queue: Promise<void> = Promise.resolve();
  let checked = false;
  let built: Pack | null = null;
  const current = (): Pack => (built ??= pack());

  function seed(reason: string): Promise<void> {
    // Serialised: an install event and a first read must not seed twice at once.
    queue = queue
      .catch(() => undefined)
      .then(async () => {
        const summary = await repo.seedBuiltin(current());
        checked = true;
        log(`Footnote: built-in evidence pack v${current().pack.version} (${reason}): ${summaryLine(summary)}`);
      });
    return queue;
  }

  return {
    seed,
    async ready() {
      if (checked) return;
      await queue.catch(() => undefined);
      if (checked) return;
      const stored = await repo.builtinVersion();
      if (stored === null || stored < current().pack.version) await seed(stored === null ? 'first use' : 'missed update');
      checked = true;
    },
  };
}
