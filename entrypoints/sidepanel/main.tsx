import { render } from 'preact';
import { App } from './App';
import '@/assets/ui.css';
import './sidepanel.css';
import { t } from '@/lib/i18n';

document.title = t('sidebarTitle');
render(<App />, document.getElementById('app')!);
