/** Ids for the reader's own figures: readable, and never clashing with a pack's ids ("mine-" prefix). */
export function newEvidenceId(figure: string, now = Date.now(), random = Math.random()): string {
  const slug = figure
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const stamp = now.toString(36) + Math.floor(random * 1296).toString(36).padStart(2, '0');
  return `mine-${slug || 'figure'}-${stamp}`;
}
