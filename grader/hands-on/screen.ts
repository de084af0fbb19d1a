// The terminal: the prompt (enquirer) and everything printed around it. What arrives while the learner
// types (the server's output, its FIN, a reset) is printed above the prompt, which is then drawn again
// with the half-typed line intact, so nothing waits for the next Enter to be seen.
import { Chalk, type ChalkInstance } from 'chalk';
import enquirer from 'enquirer';
import type { Lang, Text } from '../i18n/text.ts';

export type Style = 'plain' | 'note' | 'reply' | 'warn' | 'error';

export type Answer = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'interrupt' };

// The part of enquirer's Input prompt we use; its type declarations don't describe the prompt classes.
interface Key {
  name?: string;
  ctrl?: boolean;
}
interface InputPrompt {
  state: { closed?: boolean; size?: number };
  input: string;
  cursor: number;
  clear(lines?: number): void;
  render(): Promise<void>;
  run(): Promise<string>;
  submit(): Promise<void>;
  alert(): void;
  keypress(input: string | undefined, key?: Key): Promise<void>;
}
type InputClass = new (options: Record<string, unknown>) => InputPrompt;
const Input = (enquirer as unknown as { Input: InputClass }).Input;

/** enquirer's line input, plus Ctrl-D on an empty line as end of input and Up/Down through history. */
class MessagePrompt extends Input {
  eof = false;
  private index: number;
  private draft = '';

  constructor(
    options: Record<string, unknown>,
    private readonly past: readonly string[],
  ) {
    super(options);
    this.index = past.length;
  }

  override async keypress(input: string | undefined, key?: Key): Promise<void> {
    // Ctrl-D on an empty line is end of input, as in a shell; on a non-empty one it deletes, as before.
    if (key?.ctrl && key.name === 'd' && this.input === '') {
      this.eof = true;
      return this.submit();
    }
    // enquirer cancels on Escape; a stray Escape should not end the session and stop the server.
    if (key?.name === 'escape') return;
    return super.keypress(input, key);
  }

  up(): Promise<void> | void {
    if (this.index === 0) return this.alert();
    if (this.index === this.past.length) this.draft = this.input;
    return this.show(--this.index);
  }

  down(): Promise<void> | void {
    if (this.index >= this.past.length) return this.alert();
    return this.show(++this.index);
  }

  private show(index: number): Promise<void> {
    this.input = this.past[index] ?? this.draft;
    this.cursor = this.input.length;
    return this.render();
  }
}

export class Screen {
  private prompt: MessagePrompt | null = null;
  private readonly history: string[] = [];
  private readonly paint: ChalkInstance;
  private muted = false;

  /** Keep the terminal in raw mode between prompts too (see cli.ts). */
  raw = false;

  constructor(
    readonly lang: Lang,
    private readonly input: NodeJS.ReadStream,
    private readonly out: NodeJS.WriteStream,
    color: boolean,
  ) {
    this.paint = new Chalk({ level: color ? 1 : 0 });
  }

  /** A message of the client's own, in the learner's language. */
  say(text: Text, style: Style = 'plain'): void {
    this.print(this.styled(text[this.lang], style));
  }

  /** A line the server printed, labelled so it can't be taken for the client's own words. */
  server(label: Text, line: string, stream: 'stdout' | 'stderr'): void {
    const tag = this.paint.gray(`${label[this.lang]} |`);
    this.print(`${tag} ${stream === 'stderr' ? this.paint.yellow(line) : line}`);
  }

  /** Ask for one line. Ctrl-C answers `interrupt`, Ctrl-D on an empty line `eof`. */
  async ask(message: string): Promise<Answer> {
    const prompt = new MessagePrompt({ name: 'message', message }, this.history);
    this.prompt = prompt;
    try {
      const text = await prompt.run();
      if (prompt.eof) return { kind: 'eof' };
      if (text !== '' && this.history.at(-1) !== text) this.history.push(text);
      return { kind: 'line', text };
    } catch {
      // enquirer rejects on Ctrl-C: the learner wants out.
      return { kind: 'interrupt' };
    } finally {
      this.prompt = null;
      // readline switches raw mode off as the prompt closes; the client wants it on between prompts.
      if (this.raw && this.input.isTTY) this.input.setRawMode(true);
    }
  }

  /** Print nothing more: the client is ending, and what its end sets off (the server's FIN as it is
   *  stopped) is not news to the learner. */
  mute(): void {
    this.muted = true;
  }

  private print(text: string): void {
    if (this.muted) return;
    const prompt = this.prompt;
    if (prompt && !prompt.state.closed) {
      // Erase the prompt as its own render does, print, and draw it again below.
      prompt.clear(prompt.state.size ?? 0);
      this.out.write(`${text}\n`);
      void prompt.render();
    } else {
      this.out.write(`${text}\n`);
    }
  }

  private styled(text: string, style: Style): string {
    switch (style) {
      case 'plain':
        return text;
      case 'note':
        return this.paint.dim(text);
      case 'reply':
        return this.paint.cyan(text);
      case 'warn':
        return this.paint.yellow(text);
      case 'error':
        return this.paint.red(text);
    }
  }
}
