/** How the follower fetches: who it says it is, and how long and how much it will wait for. */
export interface FetchSettings {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  now(): Date;
}

/** Asked before each request, redirects included: may this address be fetched? */
export type AddressCheck = (url: URL) => Promise<boolean>;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

interface Freshness {
  /** From Cache-Control max-age: how long the answer stays fresh. */
  maxAgeSeconds?: number;
  /** From Retry-After on a 429 or 503: when to come back. */
  retryAt?: Date;
}

export type FetchResult =
  | ({ kind: "ok"; url: string; contentType: string; body: Uint8Array; validators: Validators } & Freshness)
  | ({ kind: "not-modified"; url: string; validators: Validators } & Freshness)
  | ({ kind: "failed"; url: string; reason: string; retryable: boolean } & Freshness);

/**
 * One GET as a good citizen: conditional when validators are known, a User-Agent naming us,
 * a timeout over the whole exchange, a body cap, at most a few redirects and http(s) only.
 * Never throws: every failure comes back with a reason and whether a later try may succeed.
 */
export async function politeFetch(startUrl: string, settings: FetchSettings, validators: Validators = {}, accept = "*/*", allowed?: AddressCheck): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  let url = startUrl;
  try {
    for (let redirects = 0; ; redirects++) {
      if (!/^https?:$/.test(new URL(url).protocol)) return failed(url, `not an http(s) address`, false);
      if (allowed && !(await allowed(new URL(url)))) return failed(url, "a private or local network address", false);
      const headers: Record<string, string> = { "user-agent": settings.userAgent, accept };
      // Validators belong to the address they came from, not to where it redirects.
      if (redirects === 0 && validators.etag) headers["if-none-match"] = validators.etag;
      if (redirects === 0 && validators.lastModified) headers["if-modified-since"] = validators.lastModified;
      const response = await fetch(url, { headers, redirect: "manual", signal: controller.signal });
      const freshness = readFreshness(response.headers, settings.now());
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) return failed(url, `HTTP ${response.status} without a Location`, false);
        if (redirects >= settings.maxRedirects) return failed(url, `more than ${settings.maxRedirects} redirects`, false);
        url = new URL(location, url).toString();
        continue;
      }
      if (response.status === 304) return { kind: "not-modified", url, validators, ...freshness };
      if (!response.ok) {
        await response.body?.cancel();
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        return { ...failed(url, `HTTP ${response.status}`, retryable), ...freshness };
      }
      const length = Number(response.headers.get("content-length"));
      if (length > settings.maxBytes) {
        await response.body?.cancel();
        return failed(url, `body of ${length} bytes is over the ${settings.maxBytes}-byte limit`, false);
      }
      const body = await readCapped(response, settings.maxBytes);
      if (!body) return failed(url, `body is over the ${settings.maxBytes}-byte limit`, false);
      return {
        kind: "ok",
        url,
        contentType: response.headers.get("content-type") ?? "",
        body,
        validators: {
          ...(response.headers.get("etag") ? { etag: response.headers.get("etag")! } : {}),
          ...(response.headers.get("last-modified") ? { lastModified: response.headers.get("last-modified")! } : {}),
        },
        ...freshness,
      };
    }
  } catch (error) {
    if (controller.signal.aborted) return failed(url, `no answer within ${settings.timeoutMs / 1000} s`, true);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return failed(url, `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`, true);
  } finally {
    clearTimeout(timer);
  }
}

function failed(url: string, reason: string, retryable: boolean): FetchResult & { kind: "failed" } {
  return { kind: "failed", url, reason, retryable };
}

/** The body, or undefined as soon as it passes the cap: a lying or absent Content-Length costs no more. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function readFreshness(headers: Headers, now: Date): Freshness {
  const result: Freshness = {};
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(headers.get("cache-control") ?? "");
  if (maxAge) result.maxAgeSeconds = Number(maxAge[1]);
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const at = /^\d+$/.test(retryAfter) ? new Date(now.getTime() + Number(retryAfter) * 1000) : new Date(retryAfter);
    if (!Number.isNaN(at.getTime())) result.retryAt = at;
  }
  return result;
}
