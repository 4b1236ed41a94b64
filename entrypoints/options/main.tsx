import { render } from 'preact';
import { OptionsShell } from '@/components/OptionsShell';
import { sendToBackground } from '@/lib/messages';
import { t } from '@/lib/i18n';
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
          title: t('optionsSectionEvidence'),
          body: <EvidencePanel send={sendToBackground} />,
        },
        { id: 'series', title: t('optionsSectionSeries'), body: <SeriesSection send={sendToBackground} /> },
        { id: 'dismissed', title: t('optionsSectionDismissed'), body: <DismissalsPanel send={sendToBackground} /> },
        { id: 'paused', title: t('optionsSectionPaused'), body: <PausedSitesPanel send={sendToBackground} /> },
        { id: 'reports', title: t('optionsSectionReports'), body: <ReportsPanel send={sendToBackground} /> },
        { id: 'clips', title: t('optionsSectionClips'), body: <ClipsPanel send={sendToBackground} /> },
        { id: 'settings', title: t('optionsSectionSettings'), body: <SettingsPanel send={sendToBackground} /> },
      ]}
    />
  );
}

document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
