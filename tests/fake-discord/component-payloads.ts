/** INTERACTION_CREATE bodies for a button press (type 3) and a message context-menu command (type 2, data.type 3). */
import { type CommandSpec, interactionPayload } from "./interactions.js";
import type { FakeChannel, FakeUser, Payload } from "./payloads.js";
import { snowflake } from "./snowflake.js";
import type { Store } from "./store.js";

/** A press of a button (component_type 2) on `message`; Discord sends the whole message along. */
export function buttonPressPayload(store: Store, message: Payload, customId: string, user?: FakeUser): { payload: Payload; channel: FakeChannel } {
  const spec: CommandSpec = { name: "", channelId: String(message.channel_id), ...(user ? { user } : {}) };
  const { payload, channel } = interactionPayload(store, 2, spec);
  return { channel, payload: { ...payload, type: 3, message, data: { custom_id: customId, component_type: 2 } } };
}

/** "Apps → <name>" on `message`: the target arrives in data.resolved.messages, so no Message Content intent is needed. */
export function messageCommandPayload(store: Store, name: string, message: Payload, user?: FakeUser): { payload: Payload; channel: FakeChannel } {
  const spec: CommandSpec = { name, channelId: String(message.channel_id), ...(user ? { user } : {}) };
  const { payload, channel } = interactionPayload(store, 2, spec);
  const registered = store.getCommands(channel.guildId).concat(store.getCommands(null)).find((c) => c.name === name && c.type === 3);
  const id = String(message.id);
  return {
    channel,
    payload: { ...payload, data: { id: registered?.id ?? snowflake(), name, type: 3, target_id: id, resolved: { messages: { [id]: message } } } },
  };
}
