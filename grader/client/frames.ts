// Stage 5's framing: a message is a 4-byte unsigned big-endian length N, then N bytes of payload.
// The reply to a message of N bytes is one message whose payload is N in decimal, ':', then the payload
// with a-z upper-cased. Other tools and graders depend on this: change it nowhere but here.
import type { Lang } from '../i18n/text.ts';
import { quote, upperAscii } from '../report/bytes.ts';

export const HEADER_BYTES = 4;
/** The largest payload a server must take (1 MiB); a header announcing more closes the connection. */
export const MAX_PAYLOAD = 1_048_576;

/** `payload` as one message on the wire: its length, big-endian (network byte order), then its bytes. */
export function frame(payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(payload.length);
  return Buffer.concat([header, payload]);
}

/** A header alone, announcing `length` bytes: what oversized-frame and the hands-on client's :header send. */
export function header(length: number): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.writeUInt32BE(length);
  return bytes;
}

/** The payload of the reply to `payload`: "N:" and the payload upper-cased. */
export function replyPayload(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${payload.length}:`), upperAscii(payload)]);
}

/** The whole reply to `payload`, framed, as it must come over the wire. */
export function framedReply(payload: Buffer): Buffer {
  return frame(replyPayload(payload));
}

/** What a stream holds, read as frames: the whole ones, and the bytes after them (a frame still coming). */
export function readFrames(stream: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let at = 0;
  while (stream.length - at >= HEADER_BYTES) {
    const length = stream.readUInt32BE(at);
    if (stream.length - at - HEADER_BYTES < length) break;
    frames.push(stream.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length));
    at += HEADER_BYTES + length;
  }
  return { frames, rest: stream.subarray(at) };
}

/** A length as the learner should read it; a big one also as the four bytes it came as, to spot a byte order. */
function lengthLabel(headerBytes: Buffer): string {
  const length = headerBytes.readUInt32BE(0);
  if (length <= MAX_PAYLOAD) return `[${length}]`;
  return `[${length} = ${hex(headerBytes)}]`;
}

/**
 * Reads one direction of one connection as frames, chunk by chunk as they came, and says what each
 * chunk carried: `[5] "hello"` for a whole message, `[7] "5:HE" …` for the start of one that goes on
 * in a later chunk, `… "LLO"` for its rest, `[00 00 …` and `… 00 07] [7]` for a header cut in two.
 * The wire story shows frames this way.
 */
export class FrameView {
  private header = Buffer.alloc(0);
  /** Payload bytes still to come of the frame under way, once its header is whole. */
  private left = 0;

  describe(chunk: Buffer, lang: Lang = 'en'): string {
    const parts: string[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.left > 0) {
        const take = Math.min(this.left, chunk.length - at);
        this.left -= take;
        parts.push(`… ${quote(chunk.subarray(at, at + take), { lang })}${this.left > 0 ? ' …' : ''}`);
        at += take;
        continue;
      }
      const need = HEADER_BYTES - this.header.length;
      const piece = chunk.subarray(at, at + need);
      const wasCut = this.header.length > 0;
      this.header = Buffer.concat([this.header, piece]);
      at += piece.length;
      if (this.header.length < HEADER_BYTES) {
        parts.push(`${wasCut ? '… ' : '['}${hex(piece)} …`);
        continue;
      }
      const label = lengthLabel(this.header);
      this.left = this.header.readUInt32BE(0);
      this.header = Buffer.alloc(0);
      const head = wasCut ? `… ${hex(piece)}] ${label}` : label;
      const take = Math.min(this.left, chunk.length - at);
      if (take === 0 && this.left > 0) {
        parts.push(head);
        continue;
      }
      this.left -= take;
      parts.push(`${head} ${quote(chunk.subarray(at, at + take), { lang })}${this.left > 0 ? ' …' : ''}`);
      at += take;
    }
    return parts.join(' ');
  }
}

/** Bytes as hex pairs: 00 00 00 05. */
export function hex(bytes: Buffer): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Reads frames from a stream that comes in chunks: each push returns the frames it completed. */
export class FrameReader {
  private buffered = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    const { frames, rest } = readFrames(Buffer.concat([this.buffered, chunk]));
    this.buffered = Buffer.from(rest);
    return frames;
  }

  /** Bytes of a frame still coming, and the length its header announces once the header is whole. */
  get partial(): { bytes: number; announced: number | null } {
    const announced = this.buffered.length >= HEADER_BYTES ? this.buffered.readUInt32BE(0) : null;
    return { bytes: this.buffered.length, announced };
  }
}
