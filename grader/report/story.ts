// A property's story as data: what the report shows under a ✘ (the wire, the bytes compared and where
// they first differ, what the server printed), for programs (--json, and each submission of --out).
import { isUtf8 } from 'node:buffer';
import type { WireEvent, WireKind } from '../client/wire.ts';
import type { PropertyResult } from '../engine/grade.ts';
import type { Lang } from '../i18n/text.ts';
import { caretAt } from './bytes.ts';
import { coalesce, frameTexts } from './wire-story.ts';

/** A failure caused by a server that never listened: `listens` tells it; this one was not judged. */
export function notJudged(result: PropertyResult): boolean {
  return result.notListening === true && result.id !== 'listens';
}

/**
 * Bytes as JSON can hold them: the text, and the exact bytes in base64 only when they are not valid
 * UTF-8 (the text is then a lossy decoding, U+FFFD for each broken sequence).
 */
export interface BytesData {
  text: string;
  /** In bytes, not characters. */
  length: number;
  base64?: string;
}

export function bytesData(bytes: Buffer): BytesData {
  const data: BytesData = { text: bytes.toString('utf8'), length: bytes.length };
  if (!isUtf8(bytes)) data.base64 = bytes.toString('base64');
  return data;
}

export interface WireEventData {
  /** Since the server was started, to 0.1 ms as the report prints it. */
  atMs: number;
  who: string;
  kind: WireKind;
  /** Words in the report's language, or a plain fact (an address, an error code). */
  detail?: string;
  bytes?: BytesData;
  /** Stage 5: the bytes read as frames, as the report shows them (`[5] "hello"`). */
  frames?: string;
}

export interface StoryData {
  wire: WireEventData[];
  /** Only on a failure that compared bytes: what was due, what came, and the first byte that differs. */
  expected?: BytesData;
  received?: BytesData;
  firstDifference?: number;
  /** What the server printed, each line labelled 'stdout | ' or 'stderr | ', as the report shows it. */
  output: string[];
}

function eventData(event: WireEvent, lang: Lang, frames?: string): WireEventData {
  const data: WireEventData = { atMs: Math.round(event.at * 10) / 10, who: event.who, kind: event.kind };
  if (event.detail !== undefined) data.detail = typeof event.detail === 'string' ? event.detail : event.detail[lang];
  if (event.bytes) data.bytes = bytesData(event.bytes);
  if (frames !== undefined) data.frames = frames;
  return data;
}

/** What the server started for this property printed: nothing for one not judged, which had none of its own. */
export function serverOutput(result: PropertyResult): string[] {
  return notJudged(result) ? [] : result.output;
}

/**
 * The story of a failed or skipped property; undefined for a pass, so its fields are absent from the
 * JSON (not null: a program tests the status, or `"wire" in p`). Like the report: one arrival is one
 * receive, however TCP cut it (but the story is never shortened), and a property not judged because the
 * server never listened has an empty story: it is told once, under `listens`.
 */
export function storyOf(result: PropertyResult, lang: Lang): StoryData | undefined {
  if (result.status === 'pass') return undefined;
  const judged = !notJudged(result);
  const { expected, actual } = result;
  const told = judged ? coalesce(result.wire) : [];
  const frames = frameTexts(told, lang);
  return {
    wire: told.map((event, i) => eventData(event, lang, frames[i])),
    ...(judged && expected && actual
      ? { expected: bytesData(expected), received: bytesData(actual), firstDifference: caretAt(expected, actual) }
      : {}),
    output: [...serverOutput(result)],
  };
}
