import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers to one request. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** Wait this long before answering (to run past a client's timeout). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface FakeModel {
  /** The base URL to give as MODEL_URL, e.g. http://127.0.0.1:40123/v1. */
  url: string;
  requests: RecordedRequest[];
  /** Replies to the next requests, in order; once used up, `fallback` answers. */
  queue(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

/** A chat completions response whose message content is `content` (a JSON string, usually). */
export function completion(content: string, finishReason = "stop"): FakeReply {
  return {
    body: {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "fake-model",
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finishReason }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

export function jsonAnswer(answer: unknown): FakeReply {
  return completion(JSON.stringify(answer));
}

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: POST /v1/chat/completions answers from a
 * queue of scripted replies, then from `fallback` (a reply, or a function of the request's
 * body), and records every request; anything else is a 404.
 */
export async function startFakeModel(fallback: FakeReply | ((body: unknown) => FakeReply) = { status: 500, body: { error: { message: "no reply queued" } } }): Promise<FakeModel> {
  const replies: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Recorded as text.
      }
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const reply = replies.shift() ?? (typeof fallback === "function" ? fallback(body) : fallback);
      const send = () => {
        if (res.destroyed) return;
        const payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers }).end(payload);
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    queue: (...more) => replies.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
