/**
 * A stand-in for the part of the Office global the sign-in dialog uses:
 * `Office.context.ui.displayDialogAsync`, the dialog's events, and the requirement-set check.
 * Each test scripts what the dialog page does (send a message, be closed, fail to open).
 */
export type DialogScript =
  | { readonly kind: 'fail-to-open'; readonly code: number; readonly message: string }
  | { readonly kind: 'messages'; readonly messages: readonly { readonly message: string; readonly origin?: string }[] }
  | { readonly kind: 'closed-by-user' };

export interface DialogStandIn {
  readonly openedUrls: string[];
  closedCount: number;
  script: DialogScript;
  supportedSets: Set<string>;
}

type Handler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

export function installOfficeDialogStandIn(): DialogStandIn {
  const state: DialogStandIn = { openedUrls: [], closedCount: 0, script: { kind: 'closed-by-user' }, supportedSets: new Set() };
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => state.supportedSets.has(`${name} ${version}`),
      },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
          state.openedUrls.push(url);
          const script = state.script;
          if (script.kind === 'fail-to-open') {
            callback({ status: 'failed', error: { code: script.code, message: script.message } });
            return;
          }
          const handlers = new Map<string, Handler>();
          const dialog = {
            addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
            close: () => {
              state.closedCount += 1;
            },
          };
          callback({ status: 'succeeded', value: dialog });
          // The dialog page answers after the pane has subscribed, as in Office.
          setTimeout(() => {
            if (script.kind === 'closed-by-user') {
              handlers.get('dialogEventReceived')?.({ error: 12006 });
              return;
            }
            for (const { message, origin } of script.messages) {
              handlers.get('dialogMessageReceived')?.({ message, origin });
            }
          }, 0);
        },
      },
    },
  };
  Object.assign(globalThis, { Office: office });
  return state;
}

export function removeOfficeStandIn(): void {
  Reflect.deleteProperty(globalThis, 'Office');
}
