// The report for people, written as the grade goes: each property's line the moment it and every one
// above it are decided (the stage's order), so the first ✘ is on screen while slower checks still run.
import type { PropertyResult } from '../engine/grade.ts';
import type { ReportHead } from './render.ts';

export class LiveReport {
  private readonly decided = new Map<string, PropertyResult>();
  private written = 0;
  private startMs: number | undefined;

  constructor(
    private readonly head: Omit<ReportHead, 'startMs'>,
    /** Writes the text as it comes. */
    private readonly write: (text: string) => void,
    /** The head, once the first property is decided (a slow start is known by then). */
    private readonly renderHead: (head: ReportHead) => string,
    /** One property's lines: called once for each, in the stage's order. */
    private readonly renderResult: (result: PropertyResult) => string,
  ) {}

  /** A property is decided (in any order); `startMs` as the grade knows it so far. */
  readonly add = (result: PropertyResult, startMs?: number): void => {
    this.decided.set(result.id, result);
    if (startMs !== undefined) this.startMs = startMs;
    this.flush();
  };

  /** Every property decided: whatever is left, in order (the grade's own results are the final word). */
  finish(results: readonly PropertyResult[]): void {
    for (const result of results) this.decided.set(result.id, result);
    this.flush();
  }

  private flush(): void {
    const { properties } = this.head.stage;
    let text = '';
    for (; this.written < properties.length; this.written++) {
      const result = this.decided.get(properties[this.written]?.id ?? '');
      if (!result) break;
      if (this.written === 0)
        text += this.renderHead({ ...this.head, ...(this.startMs !== undefined ? { startMs: this.startMs } : {}) });
      text += this.renderResult(result);
    }
    if (text !== '') this.write(text);
  }
}
