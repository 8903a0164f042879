// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../addin/src/pane/shell/notice';
import { FACTS } from '../../../addin/src/pane/shell/notice';
import { NoticeBar } from '../../../addin/src/pane/shell/NoticeBar';
import { NoticeFacts } from '../../../addin/src/pane/shell/notice-facts';

afterEach(cleanup);

const offline = (body: string): Notice => ({ intent: 'warning', title: 'Ingen kontakt med API:t', body, fact: FACTS.offline });

function Pane({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <NoticeFacts>{children}</NoticeFacts>
    </FluentProvider>
  );
}

describe('one notice per fact', () => {
  it('three notices of one fact show as one; a newer one replaces the older, which returns when it goes', () => {
    const pane = (later?: Notice) => (
      <Pane>
        <NoticeBar notice={offline('först')} />
        <NoticeBar notice={offline('sedan')} />
        <NoticeBar notice={offline('sist')} />
        <NoticeBar notice={{ intent: 'info', body: 'en annan sak' }} />
        {later ? <NoticeBar notice={later} /> : null}
      </Pane>
    );
    const { rerender } = render(pane());
    expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' })).toHaveLength(1);
    expect(screen.getByText('sist')).toBeTruthy();
    expect(screen.getByText('en annan sak')).toBeTruthy();

    rerender(pane(offline('nyast')));
    expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' }).map((bar) => bar.textContent)).toEqual([expect.stringContaining('nyast')]);
    rerender(pane());
    expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' }).map((bar) => bar.textContent)).toEqual([expect.stringContaining('sist')]);
  });

  it('the pane’s standing notice outranks a view’s notice of the same fact', () => {
    const pane = (later?: Notice) => (
      <Pane>
        <NoticeBar standing notice={offline('banderollen')} />
        {later ? <NoticeBar notice={later} /> : null}
      </Pane>
    );
    const { rerender } = render(pane());
    rerender(pane(offline('vyns')));
    expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' }).map((bar) => bar.textContent)).toEqual([expect.stringContaining('banderollen')]);
  });
});
