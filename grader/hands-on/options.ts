// The client's command line, parsed without side effects: which server to talk to, in which language.
import { argumentError } from '../cli/argument-error.ts';
import { parseFlags } from '../cli/flag-table.ts';
import { closest } from '../cli/suggest.ts';
import { findStage, STAGES, type Stage } from '../course/catalogue.ts';
import { joined } from '../i18n/t.ts';
import { isLang, type Lang, type Text } from '../i18n/text.ts';
import { CLIENT_FLAGS } from './flags.ts';
import { say } from './messages.ts';

export type Target =
  /** A server already running. `host` undefined: 127.0.0.1, then ::1. */
  | { kind: 'port'; port: number; host?: string }
  /** A server this client starts: a stage's starter or solution, or any file. */
  | {
      kind: 'start';
      stage?: Stage;
      subject: { kind: 'starter' } | { kind: 'solution' } | { kind: 'file'; path: string };
    };

/** `framed`: messages go out framed with their length (stage 5's protocol, or --framed). */
export type Options = { help: true; lang?: Lang } | { help: false; lang?: Lang; target: Target; framed: boolean };

export class OptionsError extends Error {
  constructor(
    readonly text: Text,
    readonly lang?: Lang,
  ) {
    super(text.en);
  }
}

export function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseFlags(
    CLIENT_FLAGS,
    argv,
    (err) => new OptionsError(argumentError(err, Object.keys(CLIENT_FLAGS))),
  );
  const raw = values.lang;
  if (raw !== undefined && !isLang(raw)) throw new OptionsError(say.badLang(raw));
  const lang = raw;
  const fail = (text: Text) => new OptionsError(text, lang);
  const withLang = lang ? { lang } : {};
  if (values.help) return { help: true, ...withLang };

  if (positionals.length > 1) throw fail(say.tooManyStages(positionals.slice(1).join(' ')));
  const stageName = positionals[0];
  const starts = stageName !== undefined || values.solution || values.file !== undefined;
  if (values.port !== undefined) {
    if (starts) throw fail(say.portAndServer());
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw fail(say.badPort(values.port));
    return {
      help: false,
      ...withLang,
      target: { kind: 'port', port, ...(values.host ? { host: values.host } : {}) },
      framed: Boolean(values.framed),
    };
  }
  if (values.host !== undefined) throw fail(say.hostWithoutPort());
  if (!starts) throw fail(say.noTarget());
  if (values.solution && values.file !== undefined) throw fail(say.solutionAndFile());

  const stage = stageName === undefined ? undefined : findStage(stageName);
  if (stageName !== undefined && !stage) {
    const ids = STAGES.map((s) => s.id);
    const suggestion = closest(stageName, ids);
    throw fail(
      suggestion
        ? say.unknownStageDidYouMean(stageName, suggestion)
        : say.unknownStage(stageName, joined(ids, 'sep.list')),
    );
  }
  const framed = Boolean(values.framed) || stage?.protocol.framed === true;
  if (values.file !== undefined) {
    return {
      help: false,
      ...withLang,
      target: { kind: 'start', ...(stage ? { stage } : {}), subject: { kind: 'file', path: values.file } },
      framed,
    };
  }
  if (!stage) throw fail(say.solutionNeedsStage());
  return {
    help: false,
    ...withLang,
    target: { kind: 'start', stage, subject: { kind: values.solution ? 'solution' : 'starter' } },
    framed,
  };
}
