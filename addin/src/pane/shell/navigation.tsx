import { createContext, useContext } from 'react';

/** The pane's views, one tab each. */
export type ViewId = 'status' | 'members' | 'populations' | 'feeRules' | 'reimbursements' | 'budget' | 'invoices';

const NavigationContext = createContext<((view: ViewId) => void) | undefined>(undefined);

/** The tabs give views a way to send the user to another view (the budget's "import the figures"). */
export const NavigationProvider = NavigationContext.Provider;

/** Switch the pane to a view; undefined where a view is shown without the tabs around it. */
export function useShowView(): ((view: ViewId) => void) | undefined {
  return useContext(NavigationContext);
}
