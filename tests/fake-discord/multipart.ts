/** multipart/form-data as discord.js sends files: a `payload_json` part and `files[n]` parts, read byte-exact. */

export interface UploadedFile {
  /** The form field, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): { json: unknown; files: UploadedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  const files: UploadedFile[] = [];
  let json: unknown;
  let at = body.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(marker, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next boundary.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? "";
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (field === "payload_json") json = JSON.parse(content.toString("utf8")) as unknown;
    else if (filename !== undefined) {
      files.push({ field, filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "", data: Buffer.from(content) });
    }
    at = next;
  }
  return { json, files };
}
