import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { createWorkerPool } from './pool';
import type { WorkerLike } from './bridge';

const api = {
  async square(x: number, ms: number) { await new Promise((r) => setTimeout(r, ms)); return x * x; },
  async fail() { throw new Error('bad point'); },
};
type Api = typeof api;

class FakeWorker extends EventTarget implements WorkerLike {
  static live = 0;
  static started = 0;
  private readonly port: MessagePort;
  private readonly other: MessagePort;
  constructor() {
    super();
    FakeWorker.live++;
    FakeWorker.started++;
    const ch = new MessageChannel();
    this.port = ch.port1;
    this.other = ch.port2;
    Comlink.expose(api, this.other);
    this.port.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.port.start();
  }
  postMessage(msg: unknown, transfer: Transferable[] = []) { this.port.postMessage(msg, transfer); }
  terminate() { FakeWorker.live--; this.port.close(); this.other.close(); }
}

describe('createWorkerPool', () => {
  it('runs every job on at most `size` workers and keeps item order', async () => {
    FakeWorker.started = 0;
    const pool = createWorkerPool<Api>(() => new FakeWorker(), 2);
    const seen: number[] = [];
    const r = await pool.map([1, 2, 3, 4, 5], (w, x) => w.call('square', [x, x === 1 ? 30 : 1]), { onResult: (_r, i) => seen.push(i) });
    expect(r).toEqual([1, 4, 9, 16, 25]);
    expect(FakeWorker.started).toBe(2);
    expect(seen[seen.length - 1]).toBe(0); // the slow first job finished last, the other worker took the rest
    pool.cancel();
  });

  it('stops everything on abort and on a failing job; a later map works', async () => {
    const pool = createWorkerPool<Api>(() => new FakeWorker(), 2);
    const ctl = new AbortController();
    const p = pool.map([1, 2, 3], (w, x) => w.call('square', [x, 1000]), { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    await expect(p).rejects.toMatchObject({ name: 'CancelledError' });
    await expect(pool.map([1, 2], (w, x) => (x === 2 ? w.call('fail', []) : w.call('square', [x, 1000])))).rejects.toThrow('bad point');
    await expect(pool.map([3], (w, x) => w.call('square', [x, 1]))).resolves.toEqual([9]);
    pool.cancel();
    expect(FakeWorker.live).toBe(0);
  });
});
