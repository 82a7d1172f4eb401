/** Reading the app's own static files from a worker (same origin only; no other network). */

/** Bytes of `url`; an Error naming the file and how to regenerate it when it is missing. */
export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  let r: Response;
  try {
    r = await fetch(url);
  } catch (e) {
    throw new Error(`could not read ${url}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const html = (r.headers.get('content-type') ?? '').includes('text/html');
  if (!r.ok || html) {
    throw new Error(`${url} is missing (HTTP ${r.status}${html ? ', got a page instead' : ''}): regenerate the built-in files with \`npm run data\` / \`npm run pretrain\``);
  }
  return r.arrayBuffer();
}

/** `url` parsed as JSON. */
export async function fetchJson(url: string): Promise<unknown> {
  const text = new TextDecoder().decode(await fetchBytes(url));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${url} is not valid JSON: regenerate it`);
  }
}
