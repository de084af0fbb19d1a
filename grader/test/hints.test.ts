// The first hint of a failing property: one case per row of the decision table, each the first row to hold.
import { describe, expect, test } from 'vitest';
import { LEADS, type Lead, leadOf, type Situation } from '../engine/hints.ts';
import { say } from '../i18n/messages.ts';

const crashed = { code: 1, signal: null };
const ended = { code: 0, signal: null };

/** A failure nothing special is known about: the property's own first hint leads. */
const plain: Situation = {
  failed: true,
  exit: null,
  overMemory: false,
  endedCleanly: false,
  crashed: false,
  aboutServerLeaving: false,
  runtime: 'node',
  serverGone: false,
  startedForOthers: false,
};

const noReply = say.noReplyHint();

const CASES: { why: string; situation: Situation; lead: Lead }[] = [
  {
    why: 'listened for another property, not for this one',
    situation: { ...plain, startedForOthers: true, specific: noReply, exit: crashed, crashed: true },
    lead: 'listens-only-sometimes',
  },
  {
    why: 'stopped for its memory, whatever the check saw',
    situation: {
      ...plain,
      overMemory: true,
      exit: { code: null, signal: 'SIGKILL' },
      crashed: true,
      specific: noReply,
    },
    lead: 'server-gone',
  },
  {
    why: 'nothing came back from a crashed server, and the property tells of servers leaving',
    situation: { ...plain, specific: noReply, exit: crashed, crashed: true, aboutServerLeaving: true },
    lead: 'property',
  },
  {
    why: 'nothing came back from a server that is gone',
    situation: { ...plain, specific: noReply, exit: ended },
    lead: 'server-gone',
  },
  {
    why: 'nothing came back from a Python server',
    situation: { ...plain, specific: noReply, runtime: 'python' },
    lead: 'no-reply.python',
  },
  {
    why: 'nothing came back from a server in another language',
    situation: { ...plain, specific: noReply, runtime: 'other' },
    lead: 'no-reply.other',
  },
  {
    why: 'the check has a hint of its own for this failure',
    situation: { ...plain, specific: say.toUpperCaseHint(), exit: crashed, crashed: true, serverGone: true },
    lead: 'check',
  },
  {
    why: 'failed because the server is gone',
    situation: { ...plain, serverGone: true, exit: crashed, crashed: true },
    lead: 'server-gone',
  },
];

describe('the first hint, row by row', () => {
  test('one case per row', () => {
    expect(CASES).toHaveLength(LEADS.length);
  });

  test.each(CASES.map((c, row) => ({ ...c, row })))('row $row: $why → $lead', ({ situation, lead, row }) => {
    // This row holds, and none above it does: the row itself decides.
    expect(LEADS.findIndex((r) => r.cause(situation))).toBe(row);
    expect(leadOf(situation)).toBe(lead);
  });

  test('no row holds: the property leads with its own first hint', () => {
    expect(leadOf(plain)).toBe('property');
    // A server that ended cleanly after nothing came back, for a property about servers leaving, ran Node:
    // the check's own "nothing came back" stands.
    expect(leadOf({ ...plain, specific: noReply, exit: ended, aboutServerLeaving: true })).toBe('check');
  });

  test('a server spinning while nothing came back: its own cause leads, in any language', () => {
    // Not "does it call sendall()": the check saw a server running flat out (see Harness.spinning).
    for (const runtime of ['node', 'python', 'other'] as const)
      expect(leadOf({ ...plain, runtime, specific: say.spinningHint() })).toBe('check');
  });

  test('a cleanly ended server only leads with "server gone" for properties that tell of crashes', () => {
    expect(leadOf({ ...plain, exit: ended, endedCleanly: true })).toBe('server-gone');
    expect(leadOf({ ...plain, exit: ended, endedCleanly: true, failed: false })).toBe('property');
  });
});
