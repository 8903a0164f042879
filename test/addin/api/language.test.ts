import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../addin/src/api/client';
import { CATALOGUES } from '../../../addin/src/i18n';
import { errorNotice, problemNotice } from '../../../addin/src/pane/shell/notice';
import type { Stack } from '../../support/stack';
import { startStack } from '../../support/stack';

/**
 * The pane's API client asks for problems in the pane's language, and never passes the
 * browser's own English ("Failed to fetch") into what the user reads.
 */

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});

/** Nothing listens here: every call fails before an answer. */
const NOWHERE = 'http://127.0.0.1:9/api';
const BROWSER_WORDS = /fetch|network|ECONNREFUSED|TypeError/i;

describe('the API client speaks the pane\'s language', () => {
  it('asks the API for English problems in an English pane, Swedish by default', async () => {
    const english = await createApiClient({ baseUrl: stack.apiUrl, language: 'en' }).getMember('ingen-alls');
    const swedish = await createApiClient({ baseUrl: stack.apiUrl }).getMember('ingen-alls');
    expect(english).toMatchObject({ ok: false, problem: { status: 404, title: 'Not found', detail: 'There is no member with id "ingen-alls".' } });
    expect(swedish).toMatchObject({ ok: false, problem: { status: 404, title: 'Hittades inte', detail: 'Det finns ingen medlem med id "ingen-alls".' } });
  });

  it('follows a change of the pane\'s language', async () => {
    const api = createApiClient({ baseUrl: stack.apiUrl });
    api.setLanguage('en');
    const answer = await api.createMember({ id: 'ny', name: '', kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01' });
    expect(answer).toMatchObject({ ok: false, problem: { status: 400, title: 'Invalid request' } });
    expect(answer.ok ? [] : answer.problem.errors).toContainEqual({ path: 'name', message: 'The name cannot be empty.' });
  });

  it.each(['sv', 'en'] as const)('says "no answer" in the pane\'s words (%s), the browser\'s kept for the log', async (language) => {
    const answer = await createApiClient({ baseUrl: NOWHERE, language, timeoutMs: 5_000 }).getMember('nacka');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.problem.status).toBe(0);
    expect(answer.problem.title).toBe(CATALOGUES[language].problems.networkTitle);
    expect(`${answer.problem.title} ${answer.problem.detail}`).not.toMatch(BROWSER_WORDS);
    expect(answer.problem.cause).toMatch(/fetch/i);
    const notice = problemNotice(answer.problem, CATALOGUES[language]);
    expect(`${notice.title ?? ''} ${notice.body}`).not.toMatch(BROWSER_WORDS);
  });

  it.each([new TypeError('Failed to fetch'), new TypeError('NetworkError when attempting to fetch resource.'), new TypeError('Load failed')])(
    'a raw %s thrown anywhere becomes the pane\'s own network notice',
    (error) => {
      const t = CATALOGUES.sv;
      const notice = errorNotice(error, t);
      expect(notice).toEqual({ intent: 'error', title: t.problems.networkTitle, body: t.problems.networkBody, action: t.problems.networkAction });
    },
  );
});
