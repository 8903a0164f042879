import { createContext, useContext, useId, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

/**
 * One notice per fact: notices that say the same thing (the API cannot be reached, someone else
 * changed the same members) carry the same `fact`, and the pane shows only one of them. A
 * standing notice of the pane (the offline banner) outranks a view's; otherwise the newest wins.
 */

interface Claim {
  fact: string;
  rank: number;
  order: number;
}

class NoticeFactRegistry {
  private readonly claims = new Map<string, Claim>();
  private readonly listeners = new Set<() => void>();
  private order = 0;

  claim(id: string, fact: string, rank: number): void {
    this.order += 1;
    this.claims.set(id, { fact, rank, order: this.order });
    this.notify();
  }

  release(id: string): void {
    if (this.claims.delete(id)) this.notify();
  }

  /** The notice that speaks for a fact: highest rank, then the newest. */
  holder(fact: string): string | undefined {
    let best: { id: string; claim: Claim } | undefined;
    for (const [id, claim] of this.claims) {
      if (claim.fact !== fact) continue;
      if (!best || claim.rank > best.claim.rank || (claim.rank === best.claim.rank && claim.order > best.claim.order)) best = { id, claim };
    }
    return best?.id;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const FactsContext = createContext<NoticeFactRegistry | undefined>(undefined);

export function NoticeFacts({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new NoticeFactRegistry());
  return <FactsContext.Provider value={registry}>{children}</FactsContext.Provider>;
}

const noSubscription = () => () => undefined;

/**
 * Whether a notice of `fact` is the one to show. `content` is what it says: a new content is a
 * newer notice of the fact, and replaces the one shown. Without a fact, or outside
 * `NoticeFacts`, every notice shows.
 */
export function useFactShown(fact: string | undefined, standing: boolean, content: string): boolean {
  const registry = useContext(FactsContext);
  const id = useId();
  const rank = standing ? 1 : 0;
  // Claimed before the browser paints, so two notices of one fact never flash up together.
  useLayoutEffect(() => {
    if (!registry || fact === undefined) return undefined;
    registry.claim(id, fact, rank);
    return () => registry.release(id);
  }, [registry, id, fact, rank, content]);
  const holder = useSyncExternalStore(registry?.subscribe ?? noSubscription, () => (registry && fact !== undefined ? registry.holder(fact) : undefined));
  return holder === undefined || holder === id;
}
