/**
 * The welcome and help page: what Footnote does, what it keeps (all on this computer), how to use
 * the card, clips, pause and the keys. Pure: the keys as the browser has them bound come in props.
 */
import { t } from '@/lib/i18n';

export interface WelcomeShortcut {
  name: string;
  description: string;
  /** The keys bound now ('' when the reader removed the binding). */
  shortcut: string;
}

export interface WelcomeProps {
  shortcuts: WelcomeShortcut[];
  /** The options page, where dismissed passages, paused sites and reports are listed. */
  optionsHref: string;
}

export function Welcome({ shortcuts, optionsHref }: WelcomeProps) {
  return (
    <div class="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeLead')}</p>
      </header>
      <main>
        <section aria-labelledby="w-stores">
          <h2 id="w-stores">{t('welcomeStoresHeading')}</h2>
          <p>{t('welcomeStores')}</p>
        </section>
        <section aria-labelledby="w-card">
          <h2 id="w-card">{t('welcomeCardHeading')}</h2>
          <ul>
            <li>{t('welcomeCardOpen')}</li>
            <li>
              <span class="legend-solid" aria-hidden="true" /> {t('welcomeLegendSolid')} <span class="legend-dashed" aria-hidden="true" />{' '}
              {t('welcomeLegendDashed')}
            </li>
            <li>{t('welcomeCardCopy')}</li>
            <li>{t('welcomeCardDismiss')}</li>
            <li>{t('welcomeCardReport')}</li>
          </ul>
        </section>
        <section aria-labelledby="w-clips">
          <h2 id="w-clips">{t('welcomeClipsHeading')}</h2>
          <p>{t('welcomeClips')}</p>
        </section>
        <section aria-labelledby="w-pause">
          <h2 id="w-pause">{t('welcomePauseHeading')}</h2>
          <p>{t('welcomePause')}</p>
        </section>
        <section aria-labelledby="w-keys">
          <h2 id="w-keys">{t('welcomeKeysHeading')}</h2>
          <table class="keys">
            <tbody>
              {shortcuts.map((s) => (
                <tr key={s.name} data-command={s.name}>
                  <th scope="row">{s.description}</th>
                  <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">{t('welcomeKeyNotSet')}</span>}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('welcomeKeyOpenCard')}</th>
                <td>
                  <kbd>Enter</kbd>
                </td>
              </tr>
              <tr>
                <th scope="row">{t('welcomeKeyCloseCard')}</th>
                <td>
                  <kbd>Escape</kbd>
                </td>
              </tr>
            </tbody>
          </table>
          <p class="muted">{t('welcomeKeysChange')}</p>
        </section>
        <p>
          <a href={optionsHref} data-testid="welcome-options">
            {t('welcomeOpenOptions')}
          </a>
        </p>
      </main>
    </div>
  );
}
