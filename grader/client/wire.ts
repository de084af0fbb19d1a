// The wire story of one property: who sent what, who closed, who reset, and when.
import type { Text } from '../i18n/text.ts';
export type WireKind =
  | 'connect' // a client's connection was accepted by the kernel
  | 'refused' // a connect failed: detail holds the code (ECONNREFUSED: nothing listens there)
  | 'send'
  | 'recv'
  | 'fin-out' // our client half-closed: FIN sent
  | 'fin-in' // the server closed its side: FIN received
  | 'rst-out' // our client reset the connection
  | 'rst-in' // the server reset the connection (ECONNRESET, or EPIPE on our write)
  | 'close' // our client let go of the socket
  | 'exit' // the server process exited
  | 'note'; // anything else the grader wants the learner to see in order

export interface WireEvent {
  /** Milliseconds since the server was started. */
  at: number;
  /** 'A', 'B', …, or 'server'. */
  who: string;
  kind: WireKind;
  bytes?: Buffer;
  /** Words the learner reads: in both languages, or a plain fact such as an address. */
  detail?: string | Text;
  /** The bytes are part of a stream of frames (stage 5): the story shows them as frames. */
  framed?: true;
}

export class Wire {
  readonly events: WireEvent[] = [];

  constructor(
    private readonly t0: number = performance.now(),
    /** The clients speak in frames (stage 5). */
    private readonly framed = false,
  ) {}

  add(who: string, kind: WireKind, extra: { bytes?: Buffer; detail?: string | Text } = {}): void {
    const framed = this.framed && extra.bytes ? { framed: true as const } : {};
    this.events.push({ at: performance.now() - this.t0, who, kind, ...extra, ...framed });
  }

  /** Tell another wire's events here too, in time order (both count from the same start). */
  merge(other: Wire): void {
    this.events.push(...other.events);
    this.events.sort((a, b) => a.at - b.at);
  }
}
