// What a message looks like on the wire, per stage: until stage 4 a message is its bytes, sent as they
// are and echoed upper-cased; from stage 5 each is framed with its length (client/frames.ts). Properties
// shared by both (closes-on-eof, idle-client-no-block, no-busy-loop) speak through it.
import { frame, framedReply } from '../client/frames.ts';
import { upperAscii } from '../report/bytes.ts';

export interface Protocol {
  /** Messages are framed: the wire story reads the bytes as frames. */
  framed: boolean;
  /** What a client puts on the wire to say `message`. */
  request(message: Buffer): Buffer;
  /** What a correct server sends back for it. */
  reply(message: Buffer): Buffer;
}

export const STREAM: Protocol = { framed: false, request: (message) => message, reply: upperAscii };

export const FRAMED: Protocol = { framed: true, request: frame, reply: framedReply };
