/**
 * The series that ship with Footnote (assets/series/*.json, one series a file), checked with the
 * same schema as an imported pack's series. A bad file fails the unit tests long before a release.
 */
import { readSeriesList } from './series-read';
import type { Series } from '../model/series';

const files = import.meta.glob('../../assets/series/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export function builtinSeries(): Series[] {
  const names = Object.keys(files).sort();
  const reading = readSeriesList(names.map((n) => files[n]));
  if (!reading.ok) throw new Error(`The built-in series are invalid: ${reading.errors.join('; ')}`);
  return reading.series;
}
