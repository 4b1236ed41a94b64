import { render } from 'preact';
import { OptionsShell } from '@/components/OptionsShell';
import { sendToBackground } from '@/lib/messages';
import { EvidencePanel } from './evidence-panel';
import { DismissalsPanel, PausedSitesPanel, ReportsPanel } from './reader-panel';
import { ClipsPanel, SettingsPanel } from './data-panel';
import { SeriesSection } from './series-section';
import '@/components/SeriesChart.css';
import '@/assets/ui.css';
import './options.css';

function Options() {
  return (
    <OptionsShell
      sections={[
        {
          id: 'evidence',
          title: 'Evidence',
          body: <EvidencePanel send={sendToBackground} />,
        },
        { id: 'series', title: 'Series', body: <SeriesSection send={sendToBackground} /> },
        { id: 'dismissed', title: 'Dismissed passages', body: <DismissalsPanel send={sendToBackground} /> },
        { id: 'paused', title: 'Paused sites', body: <PausedSitesPanel send={sendToBackground} /> },
        { id: 'reports', title: 'Reports', body: <ReportsPanel send={sendToBackground} /> },
        { id: 'clips', title: 'Clips', body: <ClipsPanel send={sendToBackground} /> },
        { id: 'settings', title: 'Settings', body: <SettingsPanel send={sendToBackground} /> },
      ]}
    />
  );
}

render(<Options />, document.getElementById('app')!);
