import * as z from 'zod';

/**
 * What the sign-in dialog sends back to the task pane with `Office.context.ui.messageParent`.
 * The pane validates it: the message crosses a window boundary as a string.
 */
export const dialogMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('token'),
    accessToken: z.string().min(1),
    expiresOn: z.iso.datetime({ offset: true }).nullable(),
    username: z.string(),
    name: z.string().nullable(),
  }),
  z.object({ kind: z.literal('signed-out') }),
  z.object({ kind: z.literal('error'), message: z.string() }),
]);

export type DialogMessage = z.infer<typeof dialogMessageSchema>;

export function parseDialogMessage(raw: string): DialogMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(`The sign-in dialog sent something that is not JSON: ${raw.slice(0, 80)}`, { cause: error });
  }
  const parsed = dialogMessageSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`);
    throw new Error(`The sign-in dialog sent an unexpected message: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The dialog's query string: what the pane asks it to do. */
export interface DialogRequest {
  readonly action: 'sign-in' | 'sign-out';
  readonly forceRefresh: boolean;
}

export function dialogRequestQuery(request: DialogRequest): string {
  const query = new URLSearchParams({ action: request.action });
  if (request.forceRefresh) query.set('forceRefresh', '1');
  return query.toString();
}

export function parseDialogRequest(search: string): DialogRequest {
  const query = new URLSearchParams(search);
  return {
    action: query.get('action') === 'sign-out' ? 'sign-out' : 'sign-in',
    forceRefresh: query.get('forceRefresh') === '1',
  };
}
