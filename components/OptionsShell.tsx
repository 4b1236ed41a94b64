import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

export interface OptionsSection {
  id: string;
  title: string;
  body: ComponentChildren;
}

/** The options page: one landmark per section, linked from a table of contents. */
export function OptionsShell({ sections }: { sections: OptionsSection[] }) {
  return (
    <div class="options">
      <header>
        <h1>{t('optionsHeading')}</h1>
        <nav aria-label={t('optionsNavLabel')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {sections.map((s) => (
          <section id={s.id} key={s.id} aria-labelledby={`${s.id}-title`}>
            <h2 id={`${s.id}-title`}>{s.title}</h2>
            {s.body}
          </section>
        ))}
      </main>
    </div>
  );
}
