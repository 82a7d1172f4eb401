/**
 * Mounts a heavy view in stages, one per task: stage 0 on the first render, then one more after each
 * commit (a macrotask apart), up to `count`. A step with several charts and tables thus paints its cards
 * one after the other instead of in one long main-thread task.
 */
import { useEffect, useState } from 'react';

export function useStages(count: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= count) return undefined;
    const t = setTimeout(() => setStage((s) => s + 1), 0);
    return () => clearTimeout(t);
  }, [stage, count]);
  return stage;
}
