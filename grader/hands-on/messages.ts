// Every sentence the hands-on client prints, built from the catalogues (i18n/en.ts, zh.ts). Words only:
// the client picks a language and prints; nothing here writes anywhere.

import { columns, flagLabel, flagRows, flagsIn } from '../cli/flag-table.ts';
import { say as graderSay } from '../i18n/messages.ts';
import { t } from '../i18n/t.ts';
import type { Lang, Text } from '../i18n/text.ts';
import { escapeBytes } from '../report/bytes.ts';
import type { ExitInfo } from '../subject/process.ts';
import type { Problem } from './commands.ts';
import { CLIENT_FLAGS } from './flags.ts';

const SHOWN_BYTES = 400;
/** Width of the usage's first column, the flags: its longest, --file <path>, and four spaces. */
const USAGE_COLUMN = 17;

/** Bytes quoted and escaped, so that a newline shows as \n; a long run is cut, with its full size. */
export function shown(bytes: Buffer): string {
  if (bytes.length <= SHOWN_BYTES) return `"${escapeBytes(bytes)}"`;
  return `"${escapeBytes(bytes.subarray(0, SHOWN_BYTES))}"…`;
}

const size = (n: number): Text => t('client.bytes', { count: n });

/** Frames as `[5] "hello" [0] ""`; a header alone as `[n]`. */
function framesShown(payloads: Buffer[], headerAlone?: number): string {
  if (headerAlone !== undefined) return `[${headerAlone}]`;
  return payloads.map((p) => `[${p.length}] ${shown(p)}`).join(' ');
}

const WHAT_NOW: Text = t('client.what-now');

export const say = {
  serverLabel: t('client.server-label'),
  whatNow: WHAT_NOW,

  usage: (): Text => {
    const label = (name: string, lang: Lang) => flagLabel(CLIENT_FLAGS, name, lang);
    // Two ways to use it: a server already running, or one the client starts.
    const usage = (lang: Lang) => {
      const stage = t('usage.stage.label')[lang];
      const langFlag = `[${label('lang', lang)}]`;
      const starts = flagsIn(CLIENT_FLAGS, 'start')
        .map((name) => label(name, lang))
        .join(' | ');
      const running = `${label('port', lang)} [${label('host', lang)}] ${langFlag}`;
      const starting = `${stage} [${starts}] ${langFlag}`;
      const rows = columns(
        [
          ...flagRows(CLIENT_FLAGS, ['port'], lang),
          [stage, t('client.usage.stage.help')[lang]],
          ...flagRows(CLIENT_FLAGS, flagsIn(CLIENT_FLAGS, 'start', 'common'), lang),
        ],
        USAGE_COLUMN,
      );
      return [
        t('client.usage.synopsis', { running, starting })[lang],
        '',
        rows,
        '',
        t('client.usage.examples')[lang],
      ].join('\n');
    };
    return { en: usage('en'), zh: usage('zh') };
  },

  /** After a usage error, in place of the whole usage: the two ways to use it, and where the rest is. */
  usagePointer: (): Text => {
    const pointer = (lang: Lang) =>
      t('client.usage.pointer', {
        stage: t('usage.stage.label')[lang],
        port: flagLabel(CLIENT_FLAGS, 'port', lang),
      })[lang];
    return { en: pointer('en'), zh: pointer('zh') };
  },
  badLang: (value: string): Text => t('args.bad-lang', { lang: value }),
  badPort: (value: string): Text => t('client.bad-port', { port: value }),
  noTarget: (): Text => t('client.no-target'),
  portAndServer: (): Text => t('client.port-and-server'),
  hostWithoutPort: (): Text => t('client.host-without-port'),
  solutionAndFile: (): Text => t('client.solution-and-file'),
  tooManyStages: (extra: string): Text => t('client.too-many-stages', { extra }),
  unknownStage: (name: string, known: string | Text): Text => t('client.unknown-stage', { name, known }),
  unknownStageDidYouMean: (name: string, suggestion: string): Text =>
    t('client.unknown-stage.did-you-mean', { name, suggestion }),
  solutionNeedsStage: (): Text => t('client.solution-needs-stage'),
  notATerminal: (): Text => t('client.not-a-terminal'),

  starting: (label: string, port: number): Text => t('client.starting', { label, port }),
  exitedBeforeListening: (exit: ExitInfo): Text => {
    const status = graderSay.exitStatus(exit);
    return t('client.exited-before-listening', { status });
  },
  connected: (host: string, port: number, localPort: number): Text => t('client.connected', { host, port, localPort }),
  welcome: (framed: boolean): Text => (framed ? t('client.welcome.framed') : t('client.welcome')),
  refused: (host: string, port: number): Text => t('client.refused', { host, port }),
  refusedOwnServer: (port: number, exit: ExitInfo | null): Text => {
    if (!exit) {
      return t('client.refused-still-running', { port });
    }
    const status = graderSay.exitStatus(exit);
    return t('client.refused-server-gone', { status });
  },
  connectFailed: (host: string, port: number, code: string): Text => t('client.connect-failed', { host, port, code }),

  prompt: (host: string, port: number): Text => t('client.prompt', { host, port }),

  help: (framed: boolean): Text => {
    const help = t('client.help');
    if (!framed) return help;
    const more = t('client.help.framed');
    return { en: `${help.en}\n\n${more.en}`, zh: `${help.zh}\n\n${more.zh}` };
  },

  empty: (): Text => t('client.empty'),

  problem: (p: Problem): Text => {
    switch (p.code) {
      case 'unknown-command':
        return t('client.problem.unknown-command', { name: p.name });
      case 'needs-argument':
        return p.name === 'several'
          ? t('client.problem.several-empty')
          : p.name === 'header'
            ? t('client.problem.header-empty')
            : t('client.problem.raw-empty');
      case 'no-argument':
        return t('client.problem.takes-nothing', { name: p.name });
      case 'empty-part':
        return t('client.problem.empty-message', { index: p.index });
      case 'unknown-escape':
        return t('client.problem.unknown-escape', { sequence: p.sequence });
      case 'bad-hex':
        return t('client.problem.bad-hex', { sequence: p.sequence });
      case 'bad-code-point':
        return t('client.problem.bad-code-point', { sequence: p.sequence });
      case 'dangling-backslash':
        return t('client.problem.dangling-backslash');
      case 'framed-only':
        return t('client.problem.framed-only', { name: p.name });
      case 'bad-length':
        return t('client.problem.bad-length', { text: p.text });
    }
  },

  sent: (bytes: Buffer): Text => t('client.sent', { size: size(bytes.length), bytesShown: shown(bytes) }),
  sentSeveral: (parts: Buffer[], all: Buffer): Text =>
    t('client.sent-several', {
      messages: parts.length,
      parts: parts.map(shown).join(' + '),
      size: size(all.length),
      allShown: shown(all),
    }),
  reply: (bytes: Buffer, ms: number): Text =>
    t('client.reply', { bytesShown: shown(bytes), size: size(bytes.length), ms }),
  pieces: (count: number): Text => t('client.pieces', { count }),
  piece: (index: number, ms: number, bytes: Buffer): Text =>
    t('client.piece', {
      index,
      ms,
      bytesShown: shown(bytes),
      size: size(bytes.length),
    }),
  noReply: (ms: number): Text => t('client.no-reply', { ms }),

  // Stage 5: messages framed with their length, shown as the wire story shows them ([5] "hello").
  sentFrames: (payloads: Buffer[], wire: Buffer): Text =>
    t('client.sent-frames', { count: payloads.length, frames: framesShown(payloads), size: size(wire.length) }),
  sentHeader: (length: number): Text =>
    t('client.sent-header', { header: framesShown([], length), announced: size(length) }),
  frameReply: (payload: Buffer, ms: number): Text => t('client.frame-reply', { frame: framesShown([payload]), ms }),
  framePartial: (bytes: number, announced: number | null): Text =>
    announced === null
      ? t('client.frame-partial.header', { size: size(bytes) })
      : t('client.frame-partial', { size: size(bytes), announced: size(announced) }),
  notTheReply: (message: Buffer, due: Buffer): Text =>
    t('client.not-the-reply', { message: framesShown([message]), due: framesShown([due]) }),
  framedLesson: (messages: number, replies: number): Text =>
    replies >= messages
      ? t('client.framed-lesson.whole', { messages, count: replies })
      : t('client.framed-lesson.fewer', { messages, count: replies }),
  severalLesson: (messages: number, pieces: number): Text =>
    pieces === messages
      ? t('client.several-lesson.as-sent', { messages, pieces })
      : t('client.several-lesson.merged', { messages, count: pieces }),

  finSent: (): Text => t('client.fin-sent'),
  finSentLast: (): Text => t('client.fin-sent-last'),
  finAfterFin: (ms: number): Text => t('client.fin-after-fin', { ms }),
  noFinYet: (ms: number): Text => t('client.no-fin-yet', { ms }),
  rstSent: (): Text => t('client.rst-sent'),

  serverClosed: (): Text => t('client.server-closed'),
  serverReset: (code: string): Text =>
    code === 'EPIPE'
      ? t('client.server-reset.epipe')
      : code === 'ECONNRESET'
        ? t('client.server-reset.econnreset')
        : t('client.server-reset.other', { code }),
  late: (bytes: Buffer): Text => t('client.late', { bytesShown: shown(bytes), size: size(bytes.length) }),
  cannotSend: (why: 'fin-sent' | 'closed'): Text =>
    why === 'fin-sent' ? t('client.cannot-send.fin-sent') : t('client.cannot-send.closed'),
  afterServerFin: (): Text => t('client.after-server-fin'),
  notConnectedForFin: (): Text => t('client.not-connected-for-fin'),
  finAlreadySent: (): Text => t('client.fin-already-sent'),
  notConnectedForRst: (): Text => t('client.not-connected-for-rst'),
  closingOld: (): Text => t('client.closing-old'),

  serverExited: (exit: ExitInfo): Text => {
    const status = graderSay.exitStatus(exit);
    return t('client.server-exited', { status });
  },
  bye: (): Text => t('client.bye'),
  interrupted: (): Text => t('client.interrupted'),
  endOfInput: (): Text => t('client.end-of-input'),
  crashed: (): Text => t('client.crashed'),
};
