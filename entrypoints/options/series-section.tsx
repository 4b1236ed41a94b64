/** The options page's series section: asks the background for the series, shows them. */
import { useEffect, useState } from 'preact/hooks';
import { formatPartialDate } from '@/components/partial-date';
import { SeriesPanel } from '@/components/SeriesPanel';
import type { Series } from '@/lib/model/series';
import type { Send } from './evidence-panel';

export function SeriesSection({ send }: { send: Send }) {
  const [series, setSeries] = useState<Series[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('series/list', {}).then(
      (r) => setSeries(r.series),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [send]);
  return <SeriesPanel series={series} error={error} formatDate={formatPartialDate} />;
}
