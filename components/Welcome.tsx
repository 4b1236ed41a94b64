/**
 * The welcome and help page: what Footnote does, what it keeps (all on this computer), how to use
 * the card, clips, pause and the keys. Pure: the keys as the browser has them bound come in props.
 */
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
        <h1>Welcome to Footnote</h1>
        <p class="lead">
          Footnote reads news pages about access to GP appointments and marks claims that the public record contradicts. Open a mark to see the
          figure, its period and its source.
        </p>
      </header>
      <main>
        <section aria-labelledby="w-stores">
          <h2 id="w-stores">What it keeps, and where</h2>
          <p>
            Everything stays on this computer, in the browser's own storage: the figures and their sources, the clips you save, the passages you
            marked "Not a claim here", the sites you paused and the false flags you reported. Footnote sends nothing anywhere; a report leaves only
            when you export it and send the file yourself.
          </p>
        </section>
        <section aria-labelledby="w-card">
          <h2 id="w-card">The card</h2>
          <ul>
            <li>Click a mark, or Tab to it and press Enter, to open its card; Escape closes it and returns you to the mark.</li>
            <li>
              <span class="legend-solid" aria-hidden="true" /> A solid underline: the article states the claim as fact.{' '}
              <span class="legend-dashed" aria-hidden="true" /> A dashed underline: it reports someone saying it.
            </li>
            <li>"Copy" and "Copy as Markdown" under a figure put it on the clipboard with its source.</li>
            <li>"Not a claim here" takes the mark away on that page; Undo brings it back, and the options page lists every one to restore.</li>
            <li>"Report a false flag" keeps a short report of what is wrong; export reports from the options page as JSON or Markdown.</li>
          </ul>
        </section>
        <section aria-labelledby="w-clips">
          <h2 id="w-clips">Clips</h2>
          <p>
            Select text on any page and choose "Save selection as clip" from the context menu, the popup or the shortcut; add a note and tags. The
            side panel lists your clips and finds them again on the page.
          </p>
        </section>
        <section aria-labelledby="w-pause">
          <h2 id="w-pause">Pause</h2>
          <p>
            "Pause on this site" (in the card or the popup) takes every mark off that site; the page says so, with Undo. Resume from the popup or
            from the options page, where paused sites are listed.
          </p>
        </section>
        <section aria-labelledby="w-keys">
          <h2 id="w-keys">Keyboard</h2>
          <table class="keys">
            <tbody>
              {shortcuts.map((s) => (
                <tr key={s.name} data-command={s.name}>
                  <th scope="row">{s.description}</th>
                  <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">not set</span>}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Open a focused mark's card</th>
                <td>
                  <kbd>Enter</kbd>
                </td>
              </tr>
              <tr>
                <th scope="row">Close the card</th>
                <td>
                  <kbd>Escape</kbd>
                </td>
              </tr>
            </tbody>
          </table>
          <p class="muted">Change these keys in your browser's extension shortcut settings.</p>
        </section>
        <p>
          <a href={optionsHref} data-testid="welcome-options">
            Open Footnote's settings
          </a>
        </p>
      </main>
    </div>
  );
}
