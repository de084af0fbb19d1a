// Progress files written before hints had ids remember each ladder's lead by its English words. Those
// words are mapped back to the id whose English sentence they are; words no sentence matches any more
// (a hint since reworded) restart that property's ladder, and only that one.
import { en } from '../i18n/en.ts';
import { type Entry, HOLE } from '../i18n/entry.ts';
import type { MessageId } from '../i18n/t.ts';
import type { Progress } from './store.ts';

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A sentence as a pattern its rendered words match: each placeholder stands for any text. */
function pattern(sentence: string): RegExp {
  const parts = sentence.split(HOLE).filter((_, i) => i % 2 === 0);
  return new RegExp(`^${parts.map(literally).join('[\\s\\S]*')}$`);
}

const forms = (entry: Entry) => (typeof entry === 'string' ? [entry] : [entry.one ?? entry.other, entry.other]);

/** Exact sentences first; then those with placeholders, the most specific (most fixed words) first. */
const SENTENCES = Object.entries(en as Readonly<Record<MessageId, Entry>>)
  .flatMap(([id, entry]) => forms(entry).map((sentence) => ({ id: id as MessageId, sentence })))
  .map(({ id, sentence }) => ({
    id,
    fixed: sentence.replace(HOLE, '').length,
    holes: sentence.match(HOLE) !== null,
    re: pattern(sentence),
  }))
  .sort((a, b) => Number(a.holes) - Number(b.holes) || b.fixed - a.fixed);

/**
 * Other subjects' ladders as they must be: files from before they were kept apart have none (all they
 * hold is taken as the learner's own), and a hand-edited file may hold something else there.
 */
export function othersApart(progress: Progress): Progress {
  const others: unknown = progress.others;
  if (others !== undefined && (typeof others !== 'object' || others === null || Array.isArray(others))) {
    delete progress.others;
  }
  return progress;
}

export function isMessageId(value: string): value is MessageId {
  return Object.hasOwn(en, value);
}

/**
 * The id whose English sentence `words` are, if any. A sentence made mostly of placeholders says too
 * little to be recognized (`{status}.` matches anything): its fixed words must be at least half.
 */
export function idOfWords(words: string): MessageId | undefined {
  return SENTENCES.find((s) => s.fixed * 2 >= words.length && s.re.test(words))?.id;
}

/** Every remembered lead as a hint id (in place: the progress read from a file). */
export function leadsAsIds(progress: Progress): Progress {
  for (const entry of Object.values(progress.stages)) {
    for (const [property, lead] of Object.entries(entry.hintLeads ?? {})) {
      if (isMessageId(lead)) continue;
      const id = idOfWords(lead);
      if (id && entry.hintLeads) entry.hintLeads[property] = id;
      else {
        delete entry.hintLeads?.[property];
        delete entry.hintsShown[property];
      }
    }
  }
  return progress;
}
