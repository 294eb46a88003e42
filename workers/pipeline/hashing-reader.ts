import { toHex } from '../shared/encoding';

/**
 * Reads an R2 body once, chunk by chunk, while hashing it: the decoder consumes the chunks it
 * needs, then `finish()` drains the rest through the hash. The 50 MB original is never held.
 */
export class HashingReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly digest = new crypto.DigestStream('SHA-256');
  private readonly sink = this.digest.getWriter();
  bytesRead = 0;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  private async next(): Promise<Uint8Array | null> {
    const { done, value } = await this.reader.read();
    if (done) return null;
    this.bytesRead += value.byteLength;
    await this.sink.write(value);
    return value;
  }

  /** Chunks for a consumer that may stop early; stopping does not cancel the body. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** Everything at once, for formats that must be decoded whole (small PNG/WebP). */
  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.chunks()) parts.push(chunk);
    const all = new Uint8Array(this.bytesRead);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.byteLength;
    }
    return all;
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
