import { toHex } from '../../shared/encoding';

/**
 * Reads an R2 body once, chunk by chunk, while hashing it: the decoder consumes the chunks it
 * needs, then `finish()` drains the rest through the hash. The 50 MB original is never held.
 */
const BLOCK = 1024 * 1024;

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}

export class HashingReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly digest = new crypto.DigestStream('SHA-256');
  private readonly sink = this.digest.getWriter();
  bytesRead = 0;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /**
   * The next block of about BLOCK bytes. R2 streams arrive in 4 KB pieces; handing each one to
   * the hash and the decoder separately cost more than the decoding (4,000 calls for 17 MB).
   */
  private async next(): Promise<Uint8Array | null> {
    const pieces: Uint8Array[] = [];
    let size = 0;
    while (size < BLOCK) {
      const { done, value } = await this.reader.read();
      if (done) break;
      pieces.push(value);
      size += value.byteLength;
    }
    if (size === 0) return null;
    const block = pieces.length === 1 ? pieces[0]! : concat(pieces, size);
    this.bytesRead += size;
    await this.sink.write(block);
    return block;
  }

  /** Chunks for a consumer that may stop early; stopping does not cancel the body. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** Everything at once, for formats that must be decoded whole (small PNG/WebP). */
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    return concat(parts, this.bytesRead);
  }

  /** Drains what is left and returns the SHA-256 of the whole body, hex. */
  async finish(): Promise<string> {
    while (await this.next());
    await this.sink.close();
    return toHex(await this.digest.digest);
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}
