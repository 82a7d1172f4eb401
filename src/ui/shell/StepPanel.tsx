/**
 * The panel of the current step. Models is part of the main bundle (it is the first thing a user
 * sees); every other step is a lazy chunk, so charts (recharts) and step code load only when opened.
 */
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { useApp } from '../state/appStore';
import type { StepId } from '../state/settings';
import { ModelsStep } from '../steps/models/ModelsStep';
import { PANEL_ID, tabId } from './StepTabs';

const LAZY: Record<Exclude<StepId, 'models'>, ComponentType> = {
  codebook: lazy(() => import('../steps/codebook/CodebookStep')),
  tradeoffs: lazy(() => import('../steps/tradeoffs/TradeoffsStep')),
  mcu: lazy(() => import('../steps/mcu/McuStep')),
  export: lazy(() => import('../steps/export/ExportStep')),
  learn: lazy(() => import('../steps/learn/LearnStep')),
};

export function StepPanel() {
  const tab = useApp((s) => s.tab);
  const Step = tab === 'models' ? ModelsStep : LAZY[tab];
  return (
    <div className="panel" role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(tab)} tabIndex={0}>
      <Suspense fallback={<div className="panel-loading">Loading…</div>}>
        <Step />
      </Suspense>
    </div>
  );
}
