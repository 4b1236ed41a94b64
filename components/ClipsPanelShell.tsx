export interface ClipsPanelShellProps {
  pageTitle: string | null;
}

/** The side panel frame: the page it is beside, then the reader's clips. */
export function ClipsPanelShell({ pageTitle }: ClipsPanelShellProps) {
  return (
    <main class="panel">
      <h1>Clips</h1>
      <p class="muted" data-testid="panel-page">
        {pageTitle ? `Beside: ${pageTitle}` : 'No page open in this tab.'}
      </p>
    </main>
  );
}
