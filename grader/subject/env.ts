// The environment a server under test sees: only what a program needs to run, never the grader's own
// (tokens, keys, npm's settings). A submission from someone else learns nothing it shouldn't from it.

/** Variables passed through as they are: finding programs, a home, the language, the clock, temp files. */
const KEPT = new Set(['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR']);
/** Locale settings, and Socket Lab's own (which say nothing secret). */
const KEPT_PREFIXES = ['LC_', 'SOCKET_LAB_'];

export function subjectEnv(from: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(from)) {
    if (value !== undefined && (KEPT.has(name) || KEPT_PREFIXES.some((prefix) => name.startsWith(prefix))))
      env[name] = value;
  }
  return {
    ...env,
    PORT: String(port),
    // What a Python server prints arrives as it prints it (its last words too), and grading writes no
    // __pycache__ into a submission's folder, which may be read-only.
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}
