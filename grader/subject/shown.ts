// What a server prints is shown, never obeyed. A control character in its output would move the
// learner's cursor, retitle or clear their terminal, colour the report, or reorder text (bidi controls);
// in a CI log a line could pass for a workflow command. Each is shown escaped instead, visible as what
// it is: \x1b, \r, \u202e. Applied where output is captured, so the terminal and every file say the same.

// C0 controls but tab, DEL, C1 controls (0x9b is a one-byte CSI), and the invisible bidi controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => {
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `line` as a report may show it: controls escaped, and no GitHub Actions workflow command left in it. */
export function shown(line: string): string {
  return (
    line
      .replace(CONTROL, escaped)
      // GitHub's runner obeys "##[command]" anywhere in a line of the log, "::command::" at its start.
      .replace(/##\[/g, '#\\x23[')
      .replace(/^(\s*):(?=:)/, '$1\\x3a')
  );
}
