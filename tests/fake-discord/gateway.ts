/**
 * The JSON gateway: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay, faults.
 * Sharded like Discord: each IDENTIFY names [shard_id, num_shards]; a shard gets the guilds with
 * (guild_id >> 22) % num_shards === shard_id, and each guild's events go to its shard's session.
 */
import type { IncomingMessage, Server } from "node:http";
import { WebSocket, WebSocketServer } from "ws";
import { guildCreatePayload, userPayload, type Payload } from "./payloads.js";
import { snowflake } from "./snowflake.js";
import type { Store } from "./store.js";
import type { Changes } from "./wait.js";

export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export interface RecordedFrame {
  /** "in" = client -> fake, "out" = fake -> client. */
  direction: "in" | "out";
  connection: number;
  op: number;
  t: string | null;
  s: number | null;
  /** IDENTIFY/RESUME tokens are replaced by "[redacted]". */
  d: unknown;
  at: number;
}

export interface GatewayConnection {
  id: number;
  /** Request URL, e.g. "/?v=10&encoding=json" (first connect) or "/resume?v=10&encoding=json". */
  url: string;
  openedAt: number;
  closedAt?: number;
  closeCode?: number;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of this session, for replay on RESUME (READY/RESUMED excluded). */
  sent: Array<{ s: number; t: string; d: unknown }>;
  socket: WebSocket | null;
  connection: number;
  valid: boolean;
  shard: [id: number, count: number];
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % num_shards. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export class FakeGateway {
  readonly frames: RecordedFrame[] = [];
  readonly connections: GatewayConnection[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** The live session of each shard id. */
  private readonly current = new Map<number, Session>();

  constructor(
    server: Server,
    private readonly options: { store: Store; changes: Changes; url: () => string; heartbeatIntervalMs: number; /** What GET /gateway/bot recommends; fewer is refused (4011 Sharding required). */ shards: number },
  ) {
    server.on("upgrade", (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
    });
  }

  /**
   * Sends a dispatch to the session of the shard its guild belongs to (shard 0 without a guild);
   * while that session is disconnected the event is kept and replayed on RESUME.
   */
  dispatch(t: string, d: unknown): number {
    const guildId = guildIdOf(d);
    const sessions = [...this.current.values()];
    const session = sessions.find((s) => (guildId ? shardOf(guildId, s.shard[1]) : 0) === s.shard[0]);
    if (!session) throw new Error("fake-discord: no gateway session for that shard yet (has the client logged in?)");
    const s = ++session.seq;
    session.sent.push({ s, t, d });
    if (session.socket?.readyState === WebSocket.OPEN) this.send(session.socket, session.connection, { op: Op.Dispatch, t, s, d });
    return s;
  }

  /** Closes open sockets with a close frame; `invalidateSession` makes the next RESUME fail (op 9). */
  close(code: number, reason = "", invalidateSession = false): void {
    this.forEachOpen((ws, session) => {
      if (session && invalidateSession) session.valid = false;
      ws.close(code, reason);
    });
  }

  /** Kills open sockets without a close frame (client sees 1006). */
  drop(invalidateSession = false): void {
    this.forEachOpen((ws, session) => {
      if (session && invalidateSession) session.valid = false;
      ws.terminate();
    });
  }

  shutdown(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private forEachOpen(fn: (ws: WebSocket, session: Session | undefined) => void): void {
    for (const ws of this.wss.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      fn(ws, [...this.sessions.values()].find((s) => s.socket === ws));
    }
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const connection: GatewayConnection = { id: this.connections.length + 1, url: req.url ?? "/", openedAt: Date.now() };
    this.connections.push(connection);
    ws.on("message", (raw) => this.onFrame(ws, connection.id, String(raw)));
    ws.on("close", (code) => {
      connection.closedAt = Date.now();
      connection.closeCode = code;
      for (const session of this.sessions.values()) {
        if (session.socket !== ws) continue;
        session.socket = null;
        // A normal close from the client ends the session, like on Discord; 4xxx/1006 keep it resumable.
        if (code === 1000 || code === 1001) session.valid = false;
      }
      this.options.changes.notify();
    });
    const version = new URL(req.url ?? "/", "ws://x").searchParams.get("v");
    if (version !== "10") {
      ws.close(4012, "Invalid API version");
      return;
    }
    this.send(ws, connection.id, { op: Op.Hello, t: null, s: null, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private onFrame(ws: WebSocket, connection: number, raw: string): void {
    let frame: { op: number; d?: Payload | number | null };
    try {
      frame = JSON.parse(raw) as typeof frame;
    } catch {
      ws.close(4002, "Error while decoding payload");
      return;
    }
    const d = frame.d && typeof frame.d === "object" && "token" in frame.d ? { ...frame.d, token: "[redacted]" } : frame.d;
    this.record({ direction: "in", connection, op: frame.op, t: null, s: null, d: d ?? null });
    const session = [...this.sessions.values()].find((s) => s.socket === ws);
    if (frame.op === Op.Heartbeat) {
      this.send(ws, connection, { op: Op.HeartbeatAck, t: null, s: null, d: null });
    } else if (frame.op === Op.Identify) {
      if (session) ws.close(4005, "Already authenticated");
      else this.identify(ws, connection, ((frame.d ?? {}) as Payload).shard);
    } else if (frame.op === Op.Resume) {
      this.resume(ws, connection, (frame.d ?? {}) as Payload);
    } else if (!session) {
      ws.close(4003, "Not authenticated");
    }
  }

  private identify(ws: WebSocket, connection: number, requested: unknown): void {
    const { store, url } = this.options;
    const shard: [number, number] = Array.isArray(requested) ? [Number(requested[0]), Number(requested[1])] : [0, 1];
    if (shard[1] < this.options.shards) return void ws.close(4011, "Sharding required");
    if (!(shard[0] >= 0 && shard[0] < shard[1])) return void ws.close(4010, "Invalid shard");
    const session: Session = { id: snowflake(), seq: 0, sent: [], socket: ws, connection, valid: true, shard };
    this.sessions.set(session.id, session);
    this.current.set(shard[0], session);
    const guilds = store.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    const ready = {
      v: 10,
      user: userPayload(store.bot),
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: `${url()}/resume`,
      shard,
      application: { id: store.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
    };
    this.send(ws, connection, { op: Op.Dispatch, t: "READY", s: ++session.seq, d: ready });
    for (const guild of guilds) this.dispatch("GUILD_CREATE", guildCreatePayload(guild));
  }

  private resume(ws: WebSocket, connection: number, d: Payload): void {
    const session = this.sessions.get(String(d.session_id));
    if (!session || !session.valid) {
      this.send(ws, connection, { op: Op.InvalidSession, t: null, s: null, d: false });
      return;
    }
    session.socket = ws;
    session.connection = connection;
    this.current.set(session.shard[0], session);
    for (const missed of session.sent.filter((e) => e.s > Number(d.seq ?? 0))) {
      this.send(ws, connection, { op: Op.Dispatch, ...missed });
    }
    this.send(ws, connection, { op: Op.Dispatch, t: "RESUMED", s: ++session.seq, d: {} });
  }

  private send(ws: WebSocket, connection: number, frame: { op: number; t: string | null; s: number | null; d: unknown }): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(frame));
    this.record({ direction: "out", connection, ...frame });
  }

  private record(frame: Omit<RecordedFrame, "at">): void {
    this.frames.push({ ...frame, at: Date.now() });
    this.options.changes.notify();
  }
}

function guildIdOf(d: unknown): string | undefined {
  if (!d || typeof d !== "object") return undefined;
  const payload = d as Payload;
  if (typeof payload.guild_id === "string") return payload.guild_id;
  // GUILD_CREATE and other guild objects carry the guild's own id.
  if ("owner_id" in payload && typeof payload.id === "string") return payload.id;
  return undefined;
}
