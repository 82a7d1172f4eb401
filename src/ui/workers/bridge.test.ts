import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { createWorkerBridge, proxy } from './bridge';
import type { WorkerLike } from './bridge';

// A stand-in worker: the API is exposed on one end of a MessageChannel in this thread.
const api = {
  async sum(a: Float32Array) { return a.reduce((s, v) => s + v, 0); },
  async echoLength(a: Float32Array) { return a.length; },
  async never(): Promise<number> { return new Promise<number>(() => {}); },
  async withProgress(steps: number, onProgress: (i: number) => void) {
    for (let i = 1; i <= steps; i++) await onProgress(i);
    return steps;
  },
  async fail() { throw new Error('bad input: k too large'); },
};
type Api = typeof api;

class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  private readonly port: MessagePort;
  private readonly other: MessagePort;
  constructor() {
    super();
    const ch = new MessageChannel();
    this.port = ch.port1;
    this.other = ch.port2;
    Comlink.expose(api, this.other);
    this.port.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.port.start();
  }
  postMessage(msg: unknown, transfer: Transferable[] = []) { this.port.postMessage(msg, transfer); }
  terminate() { this.terminated = true; this.port.close(); this.other.close(); }
  crash(message: string) { this.dispatchEvent(Object.assign(new Event('error'), { message })); }
}

function setup() {
  const workers: FakeWorker[] = [];
  const bridge = createWorkerBridge<Api>(() => { const w = new FakeWorker(); workers.push(w); return w; });
  return { bridge, workers };
}

describe('createWorkerBridge', () => {
  it('starts the worker lazily and calls it with transferred buffers', async () => {
    const { bridge, workers } = setup();
    expect(workers).toHaveLength(0);
    const x = Float32Array.from([1, 2, 3]);
    await expect(bridge.call('sum', [x], { transfer: [x.buffer] })).resolves.toBe(6);
    expect(x.length).toBe(0); // moved, not copied
    expect(workers).toHaveLength(1);
    await expect(bridge.call('echoLength', [new Float32Array(5)])).resolves.toBe(5);
    expect(workers).toHaveLength(1); // reused
  });

  it('forwards callbacks through proxy()', async () => {
    const { bridge } = setup();
    const seen: number[] = [];
    await expect(bridge.call('withProgress', [3, proxy((i: number) => { seen.push(i); })])).resolves.toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('passes worker errors through and keeps the worker', async () => {
    const { bridge, workers } = setup();
    await expect(bridge.call('fail', [])).rejects.toThrow(/k too large/);
    await expect(bridge.call('sum', [Float32Array.from([1])])).resolves.toBe(1);
    expect(workers).toHaveLength(1);
  });

  it('cancel terminates the worker, rejects pending calls with CancelledError, and the next call restarts it', async () => {
    const { bridge, workers } = setup();
    const a = bridge.call('never', []);
    const b = bridge.call('never', []);
    await Promise.resolve();
    expect(bridge.pending).toBe(2);
    bridge.cancel();
    await expect(a).rejects.toMatchObject({ name: 'CancelledError' });
    await expect(b).rejects.toMatchObject({ name: 'CancelledError' });
    expect(workers[0].terminated).toBe(true);
    expect(bridge.running).toBe(false);
    await expect(bridge.call('sum', [Float32Array.from([2, 2])])).resolves.toBe(4);
    expect(workers).toHaveLength(2);
  });

  it('an AbortSignal cancels, also when already aborted', async () => {
    const { bridge, workers } = setup();
    const ctl = new AbortController();
    const p = bridge.call('never', [], { signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toMatchObject({ name: 'CancelledError' });
    expect(workers[0].terminated).toBe(true);
    await expect(bridge.call('sum', [new Float32Array(1)], { signal: ctl.signal })).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('a crash rejects pending calls with WorkerCrashError and the next call restarts the worker', async () => {
    const { bridge, workers } = setup();
    const p = bridge.call('never', []);
    workers[0].crash('out of memory');
    await expect(p).rejects.toMatchObject({ name: 'WorkerCrashError', message: expect.stringMatching(/out of memory/) });
    expect(workers[0].terminated).toBe(true);
    await expect(bridge.call('sum', [Float32Array.from([5])])).resolves.toBe(5);
    expect(workers).toHaveLength(2);
  });

  it('rejects a transfer list with no object argument to carry it', async () => {
    const { bridge } = setup();
    await expect(bridge.call('withProgress', [1, proxy(() => {})], { transfer: [new ArrayBuffer(4)] })).rejects.toThrow(/need an object argument/);
  });

  it('stops an idle worker after idleTimeoutMs', async () => {
    const workers: FakeWorker[] = [];
    const bridge = createWorkerBridge<Api>(() => { const w = new FakeWorker(); workers.push(w); return w; }, { idleTimeoutMs: 10 });
    await bridge.call('sum', [Float32Array.from([1])]);
    await new Promise((r) => setTimeout(r, 40));
    expect(workers[0].terminated).toBe(true);
    expect(bridge.running).toBe(false);
  });
});
