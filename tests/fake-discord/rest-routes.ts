/** The REST v10 routes the fake understands. Paths here are relative to /api/v10 and already URL-decoded. */
import type { FakeInteraction } from "./interactions.js";
import type { UploadedFile } from "./multipart.js";
import { applyEdit, channelPayload, fail, guildPayload, noContent, ok, userPayload, type Payload, type Reply } from "./payloads.js";
import type { Store } from "./store.js";

export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Payload;
  /** Uploaded files (multipart), byte-exact; empty for JSON requests. */
  files: UploadedFile[];
}

export interface RouteDeps {
  store: Store;
  gatewayUrl: string;
  shards: number;
  interaction(by: { id?: string; token: string }): FakeInteraction | undefined;
}

type Handler = (ctx: RouteContext) => Reply;
export type Route = [method: string, pattern: string, handler: Handler];

export function buildRoutes({ store, gatewayUrl, shards, interaction }: RouteDeps): Route[] {
  const app = (ctx: RouteContext, then: () => Reply): Reply =>
    ctx.params.app === store.applicationId ? then() : fail(404, 10002, "Unknown Application");
  const channel = (ctx: RouteContext, then: (id: string) => Reply): Reply => {
    const c = store.accessChannel(ctx.params.channel ?? "");
    return "status" in c ? c : then(c.id);
  };
  const webhook = (ctx: RouteContext): Reply => {
    const ix = interaction({ token: ctx.params.token ?? "" });
    if (!ix || ctx.params.app !== store.applicationId) return fail(404, 10015, "Unknown Webhook");
    return ix.handleWebhook(ctx.method, ctx.params.message, withUploads(ctx));
  };

  return [
    ["GET", "/gateway", () => ok({ url: gatewayUrl })],
    ["GET", "/gateway/bot", () =>
      ok({
        url: gatewayUrl,
        shards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      })],
    ["GET", "/users/@me", () => ok(userPayload(store.bot))],
    ["GET", "/users/:user", (ctx) => {
      const user = [store.bot, store.tester].find((u) => u.id === ctx.params.user);
      return user ? ok(userPayload(user)) : fail(404, 10013, "Unknown User");
    }],
    ["GET", "/applications/@me", () =>
      ok({
        id: store.applicationId,
        name: store.bot.username,
        icon: null,
        description: "",
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0".repeat(64),
        flags: 0,
        team: null,
        owner: userPayload(store.tester),
        bot: userPayload(store.bot),
      })],
    ["GET", "/applications/:app/commands", (ctx) => app(ctx, () => ok(store.getCommands(null)))],
    ["PUT", "/applications/:app/commands", (ctx) => app(ctx, () => store.putCommands(null, ctx.body))],
    ["GET", "/applications/:app/guilds/:guild/commands", (ctx) =>
      app(ctx, () => ok(store.getCommands(ctx.params.guild ?? "")))],
    ["PUT", "/applications/:app/guilds/:guild/commands", (ctx) =>
      app(ctx, () => store.putCommands(ctx.params.guild ?? "", ctx.body))],
    ["POST", "/interactions/:id/:token/callback", (ctx) => {
      const ix = interaction({ id: ctx.params.id ?? "", token: ctx.params.token ?? "" });
      if (!ix) return fail(404, 10062, "Unknown interaction");
      const data = ctx.body.data as Payload | undefined;
      const body = data ? { ...ctx.body, data: withUploads({ ...ctx, body: data }) } : ctx.body;
      return ix.handleCallback(body, ctx.query.get("with_response") === "true");
    }],
    ["POST", "/webhooks/:app/:token", webhook],
    ["GET", "/webhooks/:app/:token/messages/:message", webhook],
    ["PATCH", "/webhooks/:app/:token/messages/:message", webhook],
    ["DELETE", "/webhooks/:app/:token/messages/:message", webhook],
    ["GET", "/guilds/:guild", (ctx) => {
      const guild = store.guild(ctx.params.guild ?? "");
      return guild ? ok(guildPayload(guild)) : fail(404, 10004, "Unknown Guild");
    }],
    ["GET", "/guilds/:guild/channels", (ctx) => {
      const guild = store.guild(ctx.params.guild ?? "");
      if (!guild) return fail(404, 10004, "Unknown Guild");
      return ok(guild.channels.filter((c) => c.state !== "deleted").map((c, i) => channelPayload(c, i)));
    }],
    ["GET", "/channels/:channel", (ctx) =>
      channel(ctx, (id) => ok(channelPayload(store.channel(id)!)))],
    ["POST", "/channels/:channel/typing", (ctx) => channel(ctx, () => noContent)],
    ["POST", "/channels/:channel/messages", (ctx) => store.createChannelMessage(ctx.params.channel ?? "", ctx.body)],
    ["GET", "/channels/:channel/messages", (ctx) =>
      channel(ctx, (id) => {
        const limit = Number(ctx.query.get("limit") ?? 50);
        return ok((store.messages.get(id) ?? []).slice(-limit).reverse());
      })],
    ["GET", "/channels/:channel/messages/:message", (ctx) =>
      channel(ctx, (id) => {
        const message = store.findMessage(id, ctx.params.message ?? "");
        return message ? ok(message) : fail(404, 10008, "Unknown Message");
      })],
    ["PATCH", "/channels/:channel/messages/:message", (ctx) =>
      channel(ctx, (id) => {
        const message = store.findMessage(id, ctx.params.message ?? "");
        return message ? ok(applyEdit(message, ctx.body)) : fail(404, 10008, "Unknown Message");
      })],
    ["DELETE", "/channels/:channel/messages/:message", (ctx) =>
      channel(ctx, (id) =>
        store.deleteMessage(id, ctx.params.message ?? "") ? noContent : fail(404, 10008, "Unknown Message"))],
  ];
}

/** discord.js lists uploads as attachments by index ({ id: "0" }); the file names come from the upload's parts. */
function withUploads(ctx: RouteContext): Payload {
  if (!Array.isArray(ctx.body.attachments)) return ctx.body;
  const attachments = (ctx.body.attachments as Payload[]).map((a) => ({ ...a, filename: a.filename ?? ctx.files[Number(a.id)]?.filename }));
  return { ...ctx.body, attachments };
}

/** Finds the handler for `method path`, filling `:params` (literal segments win over params, in table order). */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { handler: Handler; params: Record<string, string> } | undefined {
  const segments = path.split("/").filter(Boolean);
  for (const [m, pattern, handler] of routes) {
    if (m !== method) continue;
    const parts = pattern.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith(":")) params[part.slice(1)] = segment;
      return part.startsWith(":") || part === segment;
    });
    if (matches) return { handler, params };
  }
  return undefined;
}
