import { open } from "node:fs/promises";

/** An article's text is a few kilobytes; 2 MB leaves room for long reports and stops a wrong file early. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/**
 * Reads an article text file as UTF-8, refusing what would be ingested as garbage: binary
 * files (a NUL byte), another encoding (invalid UTF-8, e.g. Latin-1), or an oversized file.
 * Returns the text or a message that names the file and says what to do.
 */
export async function readTextInput(file: string, maxBytes = MAX_INPUT_BYTES): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { error: `${file} is not a file` };
      if (stat.size > maxBytes) return { error: `${file} is ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} limit for one article` };
      // Read one byte past the cap, in case the file grew after stat.
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxBytes) return { error: `${file} is over the ${megabytes(maxBytes)} limit for one article` };
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  return decodeText(bytes, file);
}

/** UTF-8 text from bytes, or a clear refusal; a leading byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array, name: string): { text: string } | { error: string } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: `${name} looks like a binary file (a NUL byte at offset ${nul}); give a plain-text article` };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { error: `${name} is not valid UTF-8 (another encoding, such as Latin-1?); convert it first, e.g. iconv -f latin1 -t utf-8` };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
