import { createRoot } from 'react-dom/client';
import type { SnapshotClient } from '../snapshot/client';

/** Placeholder until the task pane lands: proves the page mounts. */
export function mountPane(root: HTMLElement, _deps: { snapshots: SnapshotClient }): void {
  createRoot(root).render(<p>SSR</p>);
}
