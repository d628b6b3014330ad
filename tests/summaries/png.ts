import { inflateSync } from "node:zlib";

/** Just enough of a PNG reader to check what the timeline sends: size, and how many colours it really has. */
export function readPng(data: Buffer): { width: number; height: number; colours: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  let at = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  let depth = 0;
  const idat: Buffer[] = [];
  while (at < data.length) {
    const length = data.readUInt32BE(at);
    const type = data.toString("latin1", at + 4, at + 8);
    const body = data.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      colourType = body[9]!;
    } else if (type === "IDAT") idat.push(body);
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colourType as 0 | 2 | 4 | 6];
  if (depth !== 8 || !channels) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  const colours = new Set<string>();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const corner = x >= channels ? previous[x - channels]! : 0;
      const p = left + up - corner;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - corner) ? left : Math.abs(p - up) <= Math.abs(p - corner) ? up : corner;
      const add = [0, left, up, (left + up) >> 1, paeth][filter]!;
      row[x] = (line[x]! + add) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) colours.add(row.subarray(x, x + channels).toString("hex"));
    row.copy(previous);
  }
  return { width, height, colours: colours.size };
}
