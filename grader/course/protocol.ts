// What a message looks like on the wire, per stage: until stage 4 a message is its bytes, sent as they
// are and echoed upper-cased; from stage 5 each is framed with its length (client/frames.ts). Properties
// shared by both (closes-on-eof, idle-client-no-block, no-busy-loop) speak through it.
import { frame, framedReply, HEADER_BYTES, hex, MAX_PAYLOAD } from '../client/frames.ts';
import { type Hint, hint } from '../i18n/hint.ts';
import { grouped, upperAscii } from '../report/bytes.ts';

export interface Protocol {
  /** Messages are framed: the wire story reads the bytes as frames. */
  framed: boolean;
  /** What a client puts on the wire to say `message`. */
  request(message: Buffer): Buffer;
  /** What a correct server sends back for it. */
  reply(message: Buffer): Buffer;
  /** Why a server may have hung up on `request` rather than answer it, when the bytes tell. */
  hangUpHint?(request: Buffer, python: boolean): Hint | undefined;
}

export const STREAM: Protocol = { framed: false, request: (message) => message, reply: upperAscii };

/**
 * Why a server may hang up on a message it was sent whole: its header, read in the machine's byte order
 * (little-endian), is over the limit, though in network byte order it is not. Undefined when that can't
 * be why (the property's own hints then speak).
 */
export function hangUpHint(request: Buffer, python: boolean): Hint | undefined {
  if (request.length < HEADER_BYTES) return undefined;
  const head = request.subarray(0, HEADER_BYTES);
  if (head.readUInt32BE(0) > MAX_PAYLOAD || head.readUInt32LE(0) <= MAX_PAYLOAD) return undefined;
  return hint(python ? 'framing.closed.byte-order.python' : 'framing.closed.byte-order', {
    header: hex(head),
    length: grouped(head.readUInt32BE(0)),
    swapped: grouped(head.readUInt32LE(0)),
  });
}

export const FRAMED: Protocol = { framed: true, request: frame, reply: framedReply, hangUpHint };
