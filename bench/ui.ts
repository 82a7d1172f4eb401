/// <reference lib="dom" />
/**
 * The UI benchmark (`npm run bench -- --only ui`): builds the app, serves it with `vite preview`, drives it
 * in Debian's Chromium (playwright-core, no download) and measures what the targets name, from
 * the input event to the painted figure: the bytes/ratio estimate after a d or K change, the per-layer
 * SQNR estimate, Learn codebook at default settings and the 12-point (d, K) sweep (each twice: the second
 * on a warm page), the bytes transferred before the Models step is interactive, and the longest
 * main-thread task over the whole session. A benchmark, not a test: it prints figures and ratios to the
 * targets and asserts nothing. `--no-build` reuses dist/; `--quick` skips the two long runs.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Page, Request } from 'playwright-core';

export interface UiBenchRow { metric: string; value: number | null; unit: string; target: number; note?: string }
export interface UiBenchReport { rows: UiBenchRow[]; contended: string }

const sh = (cmd: string, args: string[]) => new Promise<void>((res, rej) => {
  const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  p.on('exit', (c) => (c === 0 ? res() : rej(new Error(`${cmd} ${args.join(' ')} exited with ${c}`))));
});

async function serve(port: number): Promise<ChildProcess> {
  // vite itself, not through npx, so killing this process stops the server.
  const p = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://localhost:${port}/`)).ok) return p; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  p.kill();
  throw new Error(`vite preview did not answer on port ${port}`);
}

const median = (v: number[]): number => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/**
 * Records input-event → painted latencies of a figure: the page notes the time of each input/change
 * event, a MutationObserver sees the figure's attribute change, and the next animation frame is the paint.
 * (Plain source text: the page must not see the bundler's helpers.)
 */
async function armLatency(page: Page, selector: string, attr: string, readyExpr: string): Promise<void> {
  await page.evaluate(`(() => {
    const w = window;
    w.__lat = [];
    if (w.__obs) w.__obs.disconnect();
    let armed = false;
    const onInput = (e) => { w.__t0 = e.timeStamp; armed = true; };
    if (!w.__listening) { document.addEventListener('input', (e) => w.__onInput(e), true); document.addEventListener('change', (e) => w.__onInput(e), true); w.__listening = true; }
    w.__onInput = onInput;
    const el = document.querySelector(${JSON.stringify(selector)});
    w.__obs = new MutationObserver(() => {
      const v = el.getAttribute(${JSON.stringify(attr)});
      if (!armed || !(${readyExpr})) return;
      armed = false;
      requestAnimationFrame((t) => { w.__lat.push(t - w.__t0); });
    });
    w.__obs.observe(el, { attributes: true, attributeFilter: [${JSON.stringify(attr)}] });
  })()`);
}

async function latencies(page: Page, n: number, act: (i: number) => Promise<void>, timeoutMs: number): Promise<number[]> {
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
    await act(i);
    await page.waitForFunction((b) => (window as unknown as { __lat: number[] }).__lat.length > b, before, { timeout: timeoutMs });
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.slice());
}

/** Waits until the job behind progress bar `label` has started (it shows a value) and then ended (it shows none). */
async function finished(page: Page, label: string): Promise<void> {
  const bar = `[role=progressbar][aria-label="${label}"]`;
  await page.locator(`${bar}[aria-valuenow]`).waitFor({ timeout: 60_000 });
  await page.locator(`${bar}:not([aria-valuenow])`).waitFor({ timeout: 20 * 60_000 });
  if (await page.locator('[role=tabpanel] .notice-error').count()) throw new Error(`${label}: the job failed: ${await page.locator('[role=tabpanel] .notice-error').first().innerText()}`);
}

async function timeRun(page: Page, start: () => Promise<void>, done: () => Promise<void>): Promise<number> {
  const t0 = Date.now();
  await start();
  await done();
  return (Date.now() - t0) / 1000;
}

export async function benchUi(o: { build?: boolean; quick?: boolean; log?: (s: string) => void } = {}): Promise<UiBenchReport> {
  const log = o.log ?? (() => undefined);
  if (o.build !== false) { log('ui bench: vite build'); await sh('npx', ['vite', 'build']); }
  const port = 4500 + Math.floor(Math.random() * 400);
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const rows: UiBenchRow[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(`window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
    const page = await context.newPage();
    // Where each phase starts on the page clock, to say in which one the longest task fell.
    const marks: [string, number][] = [];
    const mark = async (name: string) => { marks.push([name, await page.evaluate(() => performance.now())]); };
    const first: Request[] = [];
    let counting = true;
    context.on('requestfinished', (r) => { if (counting) first.push(r); });

    // 1. First visit: bytes before the Models step is interactive (its task checkboxes enabled, previews drawn).
    await page.goto(`http://localhost:${port}/`);
    await page.locator('[data-testid="task-digits"] input[type=checkbox]').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('[data-testid^="task-"] canvas, [data-testid^="task-"] svg').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    counting = false;
    let bytes = 0;
    for (const r of first) { const z = await r.sizes(); bytes += z.responseBodySize + z.responseHeadersSize; }
    rows.push({ metric: 'bytes before Models is interactive', value: bytes / 1e6, unit: 'MB', target: 1.5 });
    log(`ui bench: first visit ${(bytes / 1e6).toFixed(2)} MB in ${first.length} requests`);

    // 2. Estimate after a d or K change, and the per-layer SQNR.
    await mark('byte estimates');
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.getByTestId('estimate-total').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="estimate-card"][data-sqnr="current"]').waitFor({ timeout: 120_000 });
    await armLatency(page, '[data-testid="estimate-total"]', 'data-bytes', 'true');
    const ds = [4, 3, 5, 3, 6, 3];
    const ks = ['128', '64', '32', '64', '256', '64'];
    const est = await latencies(page, ds.length * 2, async (i) => {
      if (i % 2 === 0) await page.fill('#d-spatial', String(ds[i / 2]));
      else await page.selectOption('#k-spatial', ks[(i - 1) / 2]);
    }, 10_000);
    rows.push({ metric: 'estimate painted after a d or K change (median)', value: median(est), unit: 'ms', target: 100 });
    rows.push({ metric: 'estimate painted after a d or K change (worst)', value: Math.max(...est), unit: 'ms', target: 100 });
    await mark('SQNR estimates');
    await armLatency(page, '[data-testid="estimate-card"]', 'data-sqnr', "v === 'current'");
    const sq = await latencies(page, 4, async (i) => { await page.selectOption('#k-pointwise', ['128', '64', '32', '64'][i]); }, 60_000);
    rows.push({ metric: 'per-layer SQNR painted after a change (median)', value: median(sq) / 1000, unit: 's', target: 1 });
    log(`ui bench: estimate ${median(est).toFixed(1)} ms, SQNR ${(median(sq) / 1000).toFixed(2)} s`);

    if (!o.quick) {
      // 3. Learn codebook at default settings, twice (the second on a warm page).
      // Back to the default plan (the latency runs changed d and K): another preset, then YONO again.
      await page.selectOption('#plan-preset', 'pq-shared');
      await page.selectOption('#plan-preset', 'yono');
      const learn = page.getByRole('button', { name: 'Learn codebook' });
      const learnTimes: number[] = [];
      for (let i = 0; i < 2; i++) {
        await mark(`learn ${i + 1}`);
        learnTimes.push(await timeRun(page, () => learn.click(), () => finished(page, 'Codebook learning progress')));
        log(`ui bench: learn ${learnTimes[i].toFixed(1)} s`);
      }
      rows.push({ metric: 'Learn codebook, default settings (warm, 2nd run)', value: learnTimes[1], unit: 's', target: 60, note: `1st run ${learnTimes[0].toFixed(1)} s` });

      // 4. The 12-point (d, K) sweep, twice.
      await page.getByRole('tab', { name: /Trade-offs/ }).click();
      const sweep = page.getByRole('button', { name: 'Run sweep' });
      const sweepTimes: number[] = [];
      for (let i = 0; i < 2; i++) {
        await mark(`sweep ${i + 1}`);
        sweepTimes.push(await timeRun(page, () => sweep.click(), () => finished(page, 'Sweep progress')));
        log(`ui bench: sweep ${sweepTimes[i].toFixed(1)} s`);
      }
      rows.push({ metric: '12-point (d, K) sweep (warm, 2nd run)', value: sweepTimes[1], unit: 's', target: 60, note: `1st run ${sweepTimes[0].toFixed(1)} s` });
    }
    const tasks = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
    const [at, longest] = tasks.reduce((a, t) => (t[1] > a[1] ? t : a), [0, 0]);
    // Tasks before the first mark belong to the first visit (page load, Models step).
    const phase = [...marks].reverse().find(([, t]) => t <= at)?.[0] ?? 'first visit';
    const over = tasks.filter((t) => t[1] > 200).length;
    rows.push({ metric: 'longest main-thread task (whole session)', value: longest, unit: 'ms', target: 200, note: `in ${phase}; ${over} of ${tasks.length} long tasks over 200 ms` });
  } finally {
    await browser.close();
    server.kill();
  }
  const load = (await import('node:os')).loadavg()[0];
  return { rows, contended: `load average ${load.toFixed(2)} on ${(await import('node:os')).cpus().length} cores at the end` };
}

export function formatUiBench(r: UiBenchReport): string {
  const lines = ['UI benchmark (Chromium, 1440x900; ' + r.contended + ')', '', 'metric'.padEnd(52) + 'measured'.padStart(12) + 'target'.padStart(10) + 'ratio'.padStart(8)];
  for (const x of r.rows) {
    const v = x.value === null ? '—' : `${x.value.toFixed(x.unit === 'ms' ? 1 : 2)} ${x.unit}`;
    const ratio = x.value === null ? '—' : `${(x.value / x.target).toFixed(2)}`;
    lines.push(x.metric.padEnd(52) + v.padStart(12) + `${x.target} ${x.unit}`.padStart(10) + ratio.padStart(8) + (x.note ? `   (${x.note})` : ''));
  }
  lines.push('', 'ratio = measured / target: at most 1 meets the target.');
  return lines.join('\n');
}
