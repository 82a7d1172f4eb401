/**
 * Developer panel: k-means on a random weight matrix, in the k-means worker, with progress and Cancel.
 * Proof that the worker wiring, buffer transfer and cancel/restart work in the built app (issue 2).
 */
import { useEffect, useRef, useState } from 'react';
import type { Progress } from '../../core/util/progress';
import { createKmeansBridge } from '../workers/kmeans';
import { proxy } from '../workers/bridge';
import { laplacian, createRng } from '../core';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface Settings { n: number; d: number; k: number; iterations: number; seed: number }

interface Outcome {
  n: number;
  d: number;
  iterations: number;
  inertia: number;
  ms: number;
  backend: string;
  /** The input buffer was moved to the worker (detached here), not copied. */
  transferred: boolean;
  progressEvents: number;
}

/**
 * (n x d) random weight subvectors, Laplacian (scale 0.05) like trained weights. Generated in small
 * slices that yield to the event loop, so the page stays responsive even on a loaded machine.
 */
async function randomSubvectors(s: Settings): Promise<Float32Array> {
  const r = createRng(s.seed);
  const x = new Float32Array(s.n * s.d);
  for (let i = 0; i < x.length; i++) {
    x[i] = laplacian(r, 0, 0.05);
    if ((i & 0x3fff) === 0x3fff) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return x;
}

const FIELDS: [keyof Settings, string, number, number][] = [
  ['n', 'subvectors n', 1, 1 << 22],
  ['d', 'd', 1, 32],
  ['k', 'K', 2, 4096],
  ['iterations', 'Lloyd iterations', 0, 10000],
  ['seed', 'seed', 0, 2 ** 31],
];

function parseSettings(raw: Record<keyof Settings, string>): Settings {
  const out = {} as Settings;
  for (const [key, , min, max] of FIELDS) out[key] = Math.min(max, Math.max(min, Math.round(Number(raw[key]) || 0)));
  return out;
}

export function KmeansDemo() {
  const bridge = useRef<ReturnType<typeof createKmeansBridge> | null>(null);
  const cancelled = useRef(false);
  // Inputs keep what is typed; they are parsed (and clamped) when a run starts.
  const [raw, setRaw] = useState<Record<keyof Settings, string>>({ n: '131072', d: '8', k: '256', iterations: '30', seed: '1' });
  const [status, setStatus] = useState<Status>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState('');

  useEffect(() => () => bridge.current?.dispose(), []);

  async function run(): Promise<void> {
    bridge.current ??= createKmeansBridge();
    setStatus('running');
    setProgress({ fraction: 0, phase: 'starting' });
    setOutcome(null);
    setError('');
    cancelled.current = false;
    const settings = parseSettings(raw);
    const { n } = settings;
    const x = await randomSubvectors(settings);
    if (cancelled.current) { setStatus('cancelled'); return; }
    let events = 0;
    const onProgress = proxy((p: Progress) => { events++; setProgress(p); });
    const t0 = performance.now();
    try {
      const r = await bridge.current.call('kmeans',
        [x, n, settings.d, { k: settings.k, maxIter: settings.iterations, tol: 0, seed: settings.seed }, onProgress],
        { transfer: [x.buffer] });
      setOutcome({ n, d: settings.d, iterations: r.iterations, inertia: r.inertia, ms: performance.now() - t0, backend: r.backend, transferred: x.byteLength === 0, progressEvents: events });
      setStatus('done');
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'CancelledError';
      setStatus(cancelled ? 'cancelled' : 'error');
      if (!cancelled) setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <details className="card dev-panel" data-testid="kmeans-demo">
      <summary>Developer: k-means in a worker</summary>
      <div className="stack-sm">
        <div className="row">
          {FIELDS.map(([key, label, min, max]) => (
            <label key={key} className="field">
              <span>{label}</span>
              <input className="input" type="number" min={min} max={max} value={raw[key]} name={key} disabled={status === 'running'}
                onChange={(e) => setRaw({ ...raw, [key]: e.target.value })} />
            </label>
          ))}
        </div>
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={status === 'running'}>Run k-means</button>
          <button type="button" className="btn" onClick={() => { cancelled.current = true; bridge.current?.cancel(); }} disabled={status !== 'running'}>Cancel</button>
          <span data-testid="kmeans-status">{status}</span>
        </div>
        <progress data-testid="kmeans-progress" max={1} value={progress?.fraction ?? 0} />
        <span data-testid="kmeans-progress-text">{progress?.message ?? ''}</span>
        {outcome && (
          <dl className="kv" data-testid="kmeans-result">
            <dt>subvectors</dt><dd>{outcome.n.toLocaleString('en')} x {outcome.d}</dd>
            <dt>iterations</dt><dd data-testid="kmeans-iterations">{outcome.iterations}</dd>
            <dt>inertia</dt><dd data-testid="kmeans-inertia">{outcome.inertia.toPrecision(6)}</dd>
            <dt>time</dt><dd data-testid="kmeans-ms">{outcome.ms.toFixed(0)} ms ({(outcome.ms / Math.max(1, outcome.iterations)).toFixed(1)} ms/iteration, {outcome.backend})</dd>
            <dt>input transferred</dt><dd data-testid="kmeans-transferred">{outcome.transferred ? 'yes' : 'no'}</dd>
            <dt>progress messages</dt><dd data-testid="kmeans-progress-events">{outcome.progressEvents}</dd>
          </dl>
        )}
        {error && <p className="notice notice-error" role="alert">{error}</p>}
      </div>
    </details>
  );
}
