// The conversation: prompt, send, show what came back, and say what happened to the connection.
// Events a command waits for are reported by that command; any other event (a late byte, the server's
// FIN or reset while the learner types) is reported as soon as it comes, and always before the next prompt.

import { FrameReader, frame, header, replyPayload } from '../client/frames.ts';
import { within } from '../engine/wait.ts';
import type { Text } from '../i18n/text.ts';
import type { SubjectProcess } from '../subject/process.ts';
import { type Input, parseInput } from './commands.ts';
import { say } from './messages.ts';
import type { Screen } from './screen.ts';
import { type ConnEvent, Connection, type Windows } from './session.ts';

export type Ending = 'quit' | 'eof' | 'interrupt';

export class Repl {
  private conn!: Connection;
  /** Events of `conn` up to here have been reported. */
  private reported = 0;
  private busy = false;
  /** Stage 5: the replies of this connection read as frames, across exchanges. */
  private frames = new FrameReader();

  constructor(
    conn: Connection,
    private readonly screen: Screen,
    private readonly w: Windows,
    /** The server this client started, if it did. */
    private readonly subject: SubjectProcess | null,
    /** Messages go out framed with their length, and replies are read as frames (stage 5). */
    private readonly framed = false,
  ) {
    this.attach(conn);
  }

  async run(): Promise<Ending> {
    try {
      for (;;) {
        this.flushNotices();
        this.busy = false;
        const answer = await this.screen.ask(say.prompt(this.conn.host, this.conn.port)[this.screen.lang]);
        this.busy = true;
        if (answer.kind !== 'line') return answer.kind;
        const input = parseInput(answer.text, this.framed);
        if (input.kind === 'quit') return 'quit';
        this.flushNotices();
        await this.handle(input);
      }
    } finally {
      this.conn.close();
    }
  }

  private attach(conn: Connection): void {
    this.conn = conn;
    this.reported = 0;
    this.frames = new FrameReader();
    conn.onEvent = () => {
      if (!this.busy) this.flushNotices();
    };
  }

  private async handle(input: Exclude<Input, { kind: 'quit' }>): Promise<void> {
    switch (input.kind) {
      case 'help':
        return this.screen.say(say.help(this.framed));
      case 'empty':
        return this.screen.say(say.empty(), 'warn');
      case 'invalid':
        return this.screen.say(say.problem(input.problem), 'warn');
      case 'send':
        return this.framed ? this.exchangeFramed([input.bytes]) : this.exchange(input.bytes);
      case 'raw':
        return this.exchange(input.bytes);
      case 'several':
        return this.framed ? this.exchangeFramed(input.parts) : this.exchange(Buffer.concat(input.parts), input.parts);
      case 'header':
        return this.exchange(header(input.length), undefined, say.sentHeader(input.length));
      case 'fin':
        return this.halfClose();
      case 'rst':
        return this.reset();
      case 'reconnect':
        return this.reconnect();
    }
  }

  /** Stage 5: the messages framed, all in one write; the replies shown frame by frame. */
  private exchangeFramed(payloads: Buffer[]): Promise<void> {
    const wire = Buffer.concat(payloads.map(frame));
    return this.exchange(wire, undefined, say.sentFrames(payloads, wire), payloads);
  }

  /**
   * Send in one write, then collect the reply until it goes quiet. `sent` says what went out, when
   * more than its bytes (frames); `messages`: the framed messages it carried, whose replies are judged.
   */
  private async exchange(bytes: Buffer, parts?: Buffer[], sent?: Text, messages: Buffer[] = []): Promise<void> {
    const conn = this.conn;
    const why = conn.cannotSend;
    if (why) return this.screen.say(say.cannotSend(why), 'warn');
    const afterFin = conn.finReceived;
    const from = conn.events.length;
    const sentAt = conn.send(bytes);
    this.screen.say(sent ?? (parts ? say.sentSeveral(parts, bytes) : say.sent(bytes)), 'note');
    if (afterFin) this.screen.say(say.afterServerFin(), 'note');
    // After the server's FIN no reply can come, only a reset: the quiet window is enough to see it.
    const events = await conn.collect(from, {
      quietMs: this.w.quietMs,
      maxMs: afterFin ? this.w.quietMs : this.w.replyMs,
    });
    this.reported = from + events.length;
    const data = events.filter((e) => e.kind === 'data');
    if (data.length === 0 && !afterFin && !events.some((e) => e.kind !== 'data')) {
      this.screen.say(say.noReply(this.w.replyMs), 'warn');
    }
    if (this.framed) {
      const replies = this.showFrames(data, sentAt);
      // Each reply next to the one stage 5 asks for: a server that merely echoes is told so.
      const wrong = replies.findIndex((reply, i) => {
        const message = messages[i];
        return message !== undefined && !reply.equals(replyPayload(message));
      });
      const message = messages[wrong];
      if (message) this.screen.say(say.notTheReply(message, replyPayload(message)), 'warn');
      else if (messages.length > 1) this.screen.say(say.framedLesson(messages.length, replies.length));
    } else {
      this.showData(data, sentAt, data.length > 1);
      if (parts && data.length > 0) this.screen.say(say.severalLesson(parts.length, data.length));
    }
    this.showEndings(events);
  }

  /** What came, read as frames: each whole reply, then what is still coming of the next. The replies. */
  private showFrames(data: (ConnEvent & { kind: 'data' })[], since: number): Buffer[] {
    const replies: Buffer[] = [];
    for (const e of data) {
      for (const payload of this.frames.push(e.bytes)) {
        this.screen.say(say.frameReply(payload, Math.max(0, Math.round(e.at - since))), 'reply');
        replies.push(payload);
      }
    }
    const { bytes, announced } = this.frames.partial;
    if (data.length > 0 && bytes > 0) this.screen.say(say.framePartial(bytes, announced), 'note');
    return replies;
  }

  private showData(data: (ConnEvent & { kind: 'data' })[], since: number, listPieces: boolean): void {
    const last = data.at(-1);
    if (!last) return;
    const ms = (at: number) => Math.max(0, Math.round(at - since));
    this.screen.say(say.reply(Buffer.concat(data.map((e) => e.bytes)), ms(last.at)), 'reply');
    if (!listPieces) return;
    this.screen.say(say.pieces(data.length), 'note');
    for (const [i, e] of data.entries()) this.screen.say(say.piece(i + 1, ms(e.at), e.bytes), 'note');
  }

  /** The server's FIN or a reset, with what the learner can do next. */
  private showEndings(events: ConnEvent[]): void {
    for (const e of events) {
      if (e.kind === 'fin') this.screen.say(say.serverClosed(), 'warn');
      if (e.kind === 'reset') this.screen.say(say.serverReset(e.code), 'error');
      if (e.kind !== 'data') this.screen.say(say.whatNow, 'note');
    }
  }

  /** :fin: our FIN, then read on until the server's FIN (or a reset, or the window ends). */
  private async halfClose(): Promise<void> {
    const conn = this.conn;
    if (conn.cannotSend === 'closed') return this.screen.say(say.notConnectedForFin(), 'warn');
    if (conn.finSent) return this.screen.say(say.finAlreadySent(), 'note');
    if (conn.finReceived) {
      conn.halfClose();
      this.screen.say(say.finSentLast(), 'note');
      return this.screen.say(say.whatNow, 'note');
    }
    const from = conn.events.length;
    const sentAt = performance.now();
    conn.halfClose();
    this.screen.say(say.finSent(), 'note');
    const events = await conn.collect(from, { quietMs: this.w.quietMs, maxMs: this.w.replyMs, untilClosed: true });
    this.reported = from + events.length;
    const data = events.filter((e) => e.kind === 'data');
    if (this.framed) this.showFrames(data, sentAt);
    else this.showData(data, sentAt, false);
    const fin = events.find((e) => e.kind === 'fin');
    const reset = events.find((e) => e.kind === 'reset');
    if (fin) this.screen.say(say.finAfterFin(Math.max(0, Math.round(fin.at - sentAt))), 'warn');
    if (reset) this.screen.say(say.serverReset(reset.code), 'error');
    if (fin || reset) this.screen.say(say.whatNow, 'note');
    else this.screen.say(say.noFinYet(this.w.replyMs), 'warn');
  }

  private reset(): void {
    const conn = this.conn;
    if (conn.broken || conn.socket.destroyed) {
      this.screen.say(say.notConnectedForRst(), 'warn');
      return;
    }
    conn.reset();
    this.reported = conn.events.length;
    this.screen.say(say.rstSent(), 'warn');
    this.screen.say(say.whatNow, 'note');
  }

  private async reconnect(): Promise<void> {
    const old = this.conn;
    const polite = !old.socket.destroyed && !old.broken && !old.finSent;
    old.close();
    if (polite) this.screen.say(say.closingOld(), 'note');
    const opened = await Connection.open(old.host, old.port, this.w.connectMs);
    if (opened.ok) {
      this.attach(opened.connection);
      this.screen.say(say.connected(old.host, old.port, opened.connection.localPort));
      return;
    }
    if (opened.code !== 'ECONNREFUSED')
      return this.screen.say(say.connectFailed(old.host, old.port, opened.code), 'error');
    if (!this.subject) return this.screen.say(say.refused(old.host, old.port), 'error');
    // A refusal often means the server is on its way out: give its exit a moment to arrive, to say so.
    if (!this.subject.exitInfo) await within(this.subject.exited, this.w.exitGraceMs);
    this.screen.say(say.refusedOwnServer(old.port, this.subject.exitInfo), 'error');
  }

  /** Report what arrived that no command was waiting for. */
  private flushNotices(): void {
    const events = this.conn.events.slice(this.reported);
    this.reported = this.conn.events.length;
    let bytes: Buffer[] = [];
    const flushBytes = () => {
      if (bytes.length > 0) this.screen.say(say.late(Buffer.concat(bytes)), 'reply');
      bytes = [];
    };
    for (const e of events) {
      if (e.kind === 'data' && this.framed) {
        this.showFrames([e], e.at);
        continue;
      }
      if (e.kind === 'data') {
        bytes.push(e.bytes);
        continue;
      }
      flushBytes();
      this.showEndings([e]);
    }
    flushBytes();
  }
}
