import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Welcome, type WelcomeShortcut } from '@/components/Welcome';
import '@/assets/ui.css';
import './welcome.css';
import { t } from '@/lib/i18n';

function WelcomePage() {
  const [shortcuts, setShortcuts] = useState<WelcomeShortcut[]>([]);
  useEffect(() => {
    // The keys as the browser binds them now: the reader may have changed them.
    browser.commands
      ?.getAll()
      .then((all) => setShortcuts(all.flatMap((c) => (c.name && c.description ? [{ name: c.name, description: c.description, shortcut: c.shortcut ?? '' }] : []))))
      .catch(() => undefined);
  }, []);
  return <Welcome shortcuts={shortcuts} optionsHref={browser.runtime.getURL('/options.html')} />;
}

document.title = t('welcomeTitle');
render(<WelcomePage />, document.getElementById('app')!);
