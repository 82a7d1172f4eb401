/**
 * Drives the Learn demo: builds it from the settings, keeps the frames seen so far (so Back works),
 * and plays them on a timer. Each step is computed on demand by the pure core (`core/learn`), well
 * under a frame's time at demo sizes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LearnDemo, LearnFrame } from '../../../core/learn/session';
import type { LearnSettings } from '../../state/settings';
import { createLearnDemo, firstFrame, nextFrame } from '../../core';

export interface LearnPlayer {
  demo: LearnDemo;
  frame: LearnFrame;
  /** The frame before the current one (null at the start). */
  prev: LearnFrame | null;
  /** Every frame so far, in order. */
  history: LearnFrame[];
  playing: boolean;
  step: () => void;
  back: () => void;
  reset: () => void;
  toEnd: () => void;
  play: () => void;
  pause: () => void;
}

export function useLearnDemo(s: LearnSettings, intervalMs: number): LearnPlayer {
  const demo = useMemo(() => createLearnDemo({ rows: s.rows, cols: s.cols, d: s.d, k: s.k, seed: s.seed }), [s.rows, s.cols, s.d, s.k, s.seed]);
  const [history, setHistory] = useState<LearnFrame[]>(() => [firstFrame()]);
  const [playing, setPlaying] = useState(false);
  const demoRef = useRef(demo);

  useEffect(() => {
    demoRef.current = demo;
    setHistory([firstFrame()]);
    setPlaying(false);
  }, [demo]);

  const step = useCallback(() => {
    setHistory((h) => {
      const next = nextFrame(demoRef.current, h[h.length - 1]);
      return next ? [...h, next] : h;
    });
  }, []);

  const frame = history[history.length - 1];
  useEffect(() => {
    if (!playing) return;
    if (frame.done) { setPlaying(false); return; }
    const t = setTimeout(step, intervalMs);
    return () => clearTimeout(t);
  }, [playing, frame, step, intervalMs]);

  return {
    demo,
    frame,
    prev: history.length > 1 ? history[history.length - 2] : null,
    history,
    playing,
    step,
    back: () => { setPlaying(false); setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h)); },
    reset: () => { setPlaying(false); setHistory([firstFrame()]); },
    toEnd: () => {
      setPlaying(false);
      setHistory((h) => {
        const out = [...h];
        for (let f = nextFrame(demoRef.current, out[out.length - 1]); f; f = nextFrame(demoRef.current, f)) out.push(f);
        return out;
      });
    },
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
  };
}
