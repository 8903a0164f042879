import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { Language } from '../../../addin/src/i18n';
import { PaneProviders, PaneRoot } from '../../../addin/src/pane/PaneRoot';
import type { PaneServices } from '../../../addin/src/pane/shell/services';

/** Render a view as the pane does: Fluent, the catalogue, the services and the session. */
export function renderPane(ui: ReactElement, services: PaneServices, language: Language = 'sv') {
  const user = userEvent.setup();
  const result = render(
    <PaneRoot language={language}>
      <PaneProviders services={services}>{ui}</PaneProviders>
    </PaneRoot>,
  );
  return { user, ...result };
}
