import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One route of the fixture site: a handler that may count its calls to change its answer. */
export type Route = (request: IncomingMessage, response: ServerResponse, call: number) => void;

export interface FixtureSite {
  origin: string;
  routes: Map<string, Route>;
  /** Every request as "METHOD /path?query" with the headers that matter for politeness. */
  requests: { path: string; userAgent: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  hits(path: string): number;
  close(): Promise<void>;
}

/** A small web site on 127.0.0.1, for feeds and pages; unknown paths are 404. */
export async function startFixtureSite(): Promise<FixtureSite> {
  const routes = new Map<string, Route>();
  const requests: FixtureSite["requests"] = [];
  const calls = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({
      path,
      userAgent: request.headers["user-agent"] ?? "",
      ...(request.headers["if-none-match"] ? { ifNoneMatch: request.headers["if-none-match"] } : {}),
      ...(request.headers["if-modified-since"] ? { ifModifiedSince: request.headers["if-modified-since"] } : {}),
    });
    const route = routes.get(path) ?? routes.get(path.split("?")[0]!);
    const call = (calls.get(path) ?? 0) + 1;
    calls.set(path, call);
    if (!route) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    route(request, response, call);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(body: string, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
  };
}

/** A feed answered with validators, and 304 when the client sends them back. */
export function feed(body: string, contentType: string, etag = '"v1"', lastModified = "Mon, 02 Mar 2026 10:00:00 GMT"): Route {
  return (request, response) => {
    if (request.headers["if-none-match"] === etag || request.headers["if-modified-since"] === lastModified) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { "content-type": contentType, etag, "last-modified": lastModified }).end(body);
  };
}
