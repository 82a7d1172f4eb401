/** The Learn demo's settings (in the URL) and its transport: back, play/pause, step, to the end, reset. */
import { useApp } from '../../state/appStore';
import { LIMITS } from '../../state/settings';
import type { LearnPlayer } from './useLearnDemo';

const SIZES = { rows: [8, 12, 16, 24, 32, 48, 64], cols: [4, 6, 8, 12, 16, 24, 32] };
const KS = [2, 4, 8, 16, 32, 64];

export function LearnControls({ player, speed, setSpeed }: { player: LearnPlayer; speed: number; setSpeed: (ms: number) => void }) {
  const learn = useApp((s) => s.learn);
  const setLearn = useApp((s) => s.setLearn);
  const opts = (list: number[], v: number) => (list.includes(v) ? list : [...list, v].sort((a, b) => a - b));
  return (
    <div className="stack-sm">
      <div className="learn-settings">
        <div className="field">
          <label htmlFor="learn-rows">Layer inputs</label>
          <select id="learn-rows" className="select" value={learn.rows} onChange={(e) => setLearn({ rows: Number(e.target.value) })}>
            {opts(SIZES.rows, learn.rows).map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="learn-cols">Layer units</label>
          <select id="learn-cols" className="select" value={learn.cols} onChange={(e) => setLearn({ cols: Number(e.target.value) })}>
            {opts(SIZES.cols, learn.cols).map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="learn-d">Subvector size d</label>
          <input id="learn-d" className="input" type="number" min={LIMITS.learnD.min} max={LIMITS.learnD.max} value={learn.d}
            onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v)) setLearn({ d: v }); }} />
        </div>
        <div className="field">
          <label htmlFor="learn-k">Codebook size K</label>
          <select id="learn-k" className="select" value={learn.k} onChange={(e) => setLearn({ k: Number(e.target.value) })}>
            {opts(KS, learn.k).map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="learn-seed">Seed</label>
          <div className="row" style={{ flexWrap: 'nowrap' }}>
            <input id="learn-seed" className="input" style={{ width: 90 }} type="number" min={0} value={learn.seed}
              onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v)) setLearn({ seed: v }); }} />
            <button type="button" className="btn btn-sm" title="A new random layer" onClick={() => setLearn({ seed: (learn.seed + 1) % (LIMITS.seed.max + 1) })}>Next seed</button>
          </div>
        </div>
      </div>
      <div className="row" role="group" aria-label="Demo controls">
        <button type="button" className="btn" onClick={player.reset} disabled={player.history.length === 1}>Reset</button>
        <button type="button" className="btn" onClick={player.back} disabled={player.history.length === 1}>Back</button>
        {player.playing
          ? <button type="button" className="btn btn-primary" style={{ width: 90 }} onClick={player.pause}>Pause</button>
          : <button type="button" className="btn btn-primary" style={{ width: 90 }} onClick={player.play} disabled={player.frame.done}>Play</button>}
        <button type="button" className="btn" onClick={player.step} disabled={player.frame.done || player.playing}>Step</button>
        <button type="button" className="btn" onClick={player.toEnd} disabled={player.frame.done}>To the end</button>
        <span className="spacer" />
        <label className="row small muted" htmlFor="learn-speed">Speed
          <select id="learn-speed" className="select" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            <option value={1200}>slow</option>
            <option value={600}>normal</option>
            <option value={200}>fast</option>
          </select>
        </label>
      </div>
    </div>
  );
}
