/** HTTP side: records every request, applies injected faults, then dispatches to the REST route table. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseMultipart, type UploadedFile } from "./multipart.js";
import { fail, type Payload, type Reply } from "./payloads.js";
import { matchRoute, type Route } from "./rest-routes.js";
import type { Changes } from "./wait.js";

export interface RecordedRequest {
  method: string;
  /** Full URL-decoded path, e.g. "/api/v10/webhooks/1/tok/messages/@original". */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON (or the `payload_json` part of a multipart upload); raw text otherwise; undefined if empty. */
  body: unknown;
  /** Files of a multipart upload, byte-exact. */
  files?: UploadedFile[];
  /** Lower-cased headers; `authorization` is reduced to its scheme ("Bot [redacted]"). */
  headers: Record<string, string>;
  status: number;
  /** Set when the response came from `failNext`. */
  injected?: boolean;
  at: number;
}

export interface Fault {
  method?: string;
  /** RegExp tested against the decoded path, or a string the path must end with. Omit to match any request. */
  path?: string | RegExp;
  status: number;
  /** Seconds, for 429s (Discord's `retry-after`). Default 0.1. */
  retryAfter?: number;
  /** 429 only: a global rate limit (X-RateLimit-Global, scope "global"). */
  global?: boolean;
  /** Response body override. */
  body?: unknown;
  /** How many matching requests to fail. Default 1. */
  times?: number;
  /**
   * Handle the request for real (a message is stored), then lose the answer: the client gets
   * `status` instead, or, with status 0, no answer at all, as when the bot crashes or times out mid-request.
   */
  afterHandling?: boolean;
}

export function faultMatches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path instanceof RegExp) return fault.path.test(path);
  return fault.path === undefined || path.endsWith(fault.path);
}

function faultReply(fault: Fault): Reply {
  if (fault.status !== 429) {
    return { status: fault.status, body: fault.body ?? { message: `${fault.status}: injected failure`, code: 0 } };
  }
  const retryAfter = fault.retryAfter ?? 0.1;
  const headers: Record<string, string> = {
    "retry-after": String(retryAfter),
    "x-ratelimit-scope": fault.global ? "global" : "user",
  };
  if (fault.global) headers["x-ratelimit-global"] = "true";
  const body = fault.body ?? { message: "You are being rate limited.", retry_after: retryAfter, global: !!fault.global, code: 0 };
  return { status: 429, headers, body };
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files?: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const text = raw.toString("utf8");
  if (!text) return { body: undefined };
  const type = req.headers["content-type"] ?? "";
  if (type.includes("multipart/form-data")) {
    const { json, files } = parseMultipart(raw, type);
    return { body: json ?? text, files };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: text };
  }
}

function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (headers.authorization) headers.authorization = `${headers.authorization.split(" ")[0] ?? ""} [redacted]`;
  return headers;
}

/** Interaction callbacks and webhooks are authenticated by their token; everything else needs "Bot <token>". */
const needsAuth = (path: string) => !/^\/(interactions|webhooks)\//.test(path);

export function restHandler(deps: {
  routes: () => Route[];
  requests: RecordedRequest[];
  faults: Fault[];
  changes: Changes;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.split("/").map(decodeURIComponent).join("/");
    const method = req.method ?? "GET";
    const { body, files } = await readBody(req);
    const headers = recordedHeaders(req);

    let reply: Reply;
    let injected = false;
    const fault = deps.faults.find((f) => faultMatches(f, method, path));
    if (fault && !fault.afterHandling) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) deps.faults.splice(deps.faults.indexOf(fault), 1);
      reply = faultReply(fault);
      injected = true;
    } else if (!path.startsWith("/api/v10/")) {
      reply = fail(404, 0, "404: Not Found");
    } else {
      const route = path.slice("/api/v10".length);
      const match = matchRoute(deps.routes(), method, route);
      if (needsAuth(route) && !headers.authorization?.startsWith("Bot ")) reply = fail(401, 0, "401: Unauthorized");
      else if (!match) reply = fail(404, 0, "404: Not Found");
      else {
        try {
          const payload = body && typeof body === "object" ? (body as Payload) : {};
          reply = match.handler({ method, params: match.params, query: url.searchParams, body: payload, files: files ?? [] });
        } catch (error) {
          reply = fail(500, 0, `fake-discord handler crashed: ${String(error)}`);
        }
      }
    }

    if (fault?.afterHandling) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) deps.faults.splice(deps.faults.indexOf(fault), 1);
      if (fault.status !== 0) reply = faultReply(fault);
      injected = true;
    }
    deps.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      ...(files ? { files } : {}),
      headers,
      status: reply.status,
      ...(injected ? { injected } : {}),
      at: Date.now(),
    });
    deps.changes.notify();
    if (fault?.afterHandling && fault.status === 0) return;
    const json = reply.body === undefined ? "" : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...(json ? { "content-type": "application/json" } : {}), ...reply.headers });
    res.end(json);
  };
  return (req, res) => {
    respond(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `fake-discord: ${String(error)}`, code: 0 }));
    });
  };
}
