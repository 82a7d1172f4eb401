import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import { assign } from '../../pq/assign';
import type { InputStats } from '../calibrate/stats';
import { gptqAssign } from './gptq';

/** Dense n × n inverse by Gauss–Jordan (reference). */
function inverse(A: number[][]): number[][] {
  const n = A.length;
  const M = A.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const v = M[c][c];
    for (let j = 0; j < 2 * n; j++) M[c][j] /= v;
    for (let r = 0; r < n; r++) if (r !== c) { const f = M[r][c]; for (let j = 0; j < 2 * n; j++) M[r][j] -= f * M[c][j]; }
  }
  return M.map((r) => r.slice(n));
}

/**
 * Textbook optimal-brain-surgeon quantisation of one unit's field w (length F = chunks · d), chunk by chunk:
 * with the inverse Hessian G of the weights not yet quantised, chunk S takes the codeword minimising
 * (w_S − q)ᵀ (G_SS)⁻¹ (w_S − q); the rest moves by −G_rS (G_SS)⁻¹ (w_S − q); then G becomes the inverse of H
 * restricted to the rest.
 */
function obs(w: number[], H: number[][], cb: number[][], d: number): number[] {
  const F = w.length;
  const x = w.slice();
  const out: number[] = [];
  for (let c = 0; c < F / d; c++) {
    const rest = Array.from({ length: F - c * d }, (_, i) => c * d + i);
    const G = inverse(rest.map((i) => rest.map((j) => H[i][j])));
    const GSSi = inverse(G.slice(0, d).map((r) => r.slice(0, d)));
    const loss = cb.map((q) => {
      const e = q.map((v, i) => x[c * d + i] - v);
      return e.reduce((s, ei, i) => s + ei * e.reduce((t, ej, j) => t + GSSi[i][j] * ej, 0), 0);
    });
    const best = loss.indexOf(Math.min(...loss));
    out.push(best);
    const e = cb[best].map((v, i) => x[c * d + i] - v);
    const z = GSSi.map((r) => r.reduce((s, v, j) => s + v * e[j], 0));
    for (let r = d; r < rest.length; r++) x[rest[r]] -= G[r].slice(0, d).reduce((s, v, j) => s + v * z[j], 0);
  }
  return out;
}

describe('GPTQ assignment', () => {
  it('equals the textbook OBS sequence on a dense layer with correlated inputs (brute-force reference)', () => {
    const r = createRng(5);
    const F = 6;
    const d = 2;
    const units = 5;
    const k = 6;
    // inputs with strong correlations: x = B z
    const B = Array.from({ length: F }, () => Array.from({ length: F }, () => r.gauss(0, 1)));
    const H = B.map((_, i) => B.map((__, j) => B[i].reduce((s, v, t) => s + v * B[j][t], 0) / F));
    const stats: InputStats = { field: F, groups: 1, kind: 'full', h: Float64Array.from(H.flat()), rows: 1 };
    const kernel = Float32Array.from({ length: F * units }, () => r.gauss(0, 1));
    const cb = Float32Array.from({ length: k * d }, () => r.gauss(0, 1));
    const damp = 0.01;
    const res = gptqAssign({ kind: 'dense', kernel: { shape: [F, units], data: kernel } }, kernel, stats, cb, k, d, null, { damp });
    let md = 0;
    for (let i = 0; i < F; i++) md += H[i][i];
    const Hd = H.map((row, i) => row.map((v, j) => v + (i === j ? (damp * md) / F : 0)));
    const cbRows = Array.from({ length: k }, (_, q) => Array.from(cb.subarray(q * d, q * d + d)));
    for (let u = 0; u < units; u++) {
      const w = Array.from({ length: F }, (_, f) => kernel[f * units + u]);
      expect(Array.from(res.assignments.subarray(u * (F / d), (u + 1) * (F / d)))).toEqual(obs(w, Hd, cbRows, d));
      for (let f = 0; f < F; f++) expect(res.decoded[f * units + u]).toBe(cb[res.assignments[u * (F / d) + Math.floor(f / d)] * d + (f % d)]);
    }
  });

  it('with uncorrelated, equal inputs it is the nearest codeword (scaled units)', () => {
    const r = createRng(6);
    const F = 8;
    const d = 4;
    const units = 10;
    const h = new Float64Array(F * F);
    for (let i = 0; i < F; i++) h[i * F + i] = 2;
    const stats: InputStats = { field: F, groups: 1, kind: 'full', h, rows: 1 };
    const kernel = Float32Array.from({ length: F * units }, () => r.gauss(0, 3));
    const cb = Float32Array.from({ length: 16 * d }, () => r.gauss(0, 1));
    const scales = Float32Array.from({ length: units }, () => 1 + r());
    const res = gptqAssign({ kind: 'dense', kernel: { shape: [F, units], data: kernel } }, kernel, stats, cb, 16, d, scales);
    const sub = new Float32Array(units * F);
    for (let u = 0; u < units; u++) for (let f = 0; f < F; f++) sub[u * F + f] = kernel[f * units + u] / scales[u];
    expect(Array.from(res.assignments)).toEqual(Array.from(assign(sub, units * 2, d, cb, 16).assignments));
  });

  it('lowers the layer output error against the nearest codeword when inputs are correlated', () => {
    const r = createRng(7);
    const F = 12;
    const d = 3;
    const units = 40;
    const B = Array.from({ length: F }, () => Array.from({ length: 3 }, () => r.gauss(0, 1)));
    const H = Float64Array.from({ length: F * F }, (_, ij) => B[Math.floor(ij / F)].reduce((s, v, t) => s + v * B[ij % F][t], 0) + (Math.floor(ij / F) === ij % F ? 0.05 : 0));
    const stats: InputStats = { field: F, groups: 1, kind: 'full', h: H, rows: 1 };
    const kernel = Float32Array.from({ length: F * units }, () => r.gauss(0, 1));
    const cb = Float32Array.from({ length: 8 * d }, () => r.gauss(0, 1));
    const g = gptqAssign({ kind: 'dense', kernel: { shape: [F, units], data: kernel } }, kernel, stats, cb, 8, d, null);
    const sub = new Float32Array(units * F);
    for (let u = 0; u < units; u++) for (let f = 0; f < F; f++) sub[u * F + f] = kernel[f * units + u];
    const near = assign(sub, units * 4, d, cb, 8).assignments;
    const err = (dec: (u: number, f: number) => number) => {
      let s = 0;
      for (let u = 0; u < units; u++) for (let i = 0; i < F; i++) for (let j = 0; j < F; j++) {
        s += (kernel[i * units + u] - dec(u, i)) * H[i * F + j] * (kernel[j * units + u] - dec(u, j));
      }
      return s;
    };
    const eG = err((u, f) => g.decoded[f * units + u]);
    const eN = err((u, f) => cb[near[u * 4 + Math.floor(f / d)] * d + (f % d)]);
    expect(eG).toBeLessThan(eN);
  });
});
