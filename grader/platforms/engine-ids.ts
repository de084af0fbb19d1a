// The platforms `--engine` grades for, by the names instructors know them by.
export const ENGINE_IDS = ['gradescope', 'prairielearn', 'github-classroom'] as const;

export type EngineId = (typeof ENGINE_IDS)[number];

export const isEngineId = (value: string): value is EngineId => (ENGINE_IDS as readonly string[]).includes(value);
