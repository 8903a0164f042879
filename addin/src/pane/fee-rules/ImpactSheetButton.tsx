import { Button } from '@fluentui/react-components';
import type { FeeMode } from '@ssr/shared';
import { useMessages } from '../../i18n';

/** Where the impact sheet is built from the impact shown: the sheet itself is not built from here yet. */
export function ImpactSheetButton(_props: { ruleId: string; year: number; mode: FeeMode }) {
  const t = useMessages();
  return <Button disabled>{t.feeRules.impact.createImpactSheet}</Button>;
}
