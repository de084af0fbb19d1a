#!/usr/bin/env python3
"""A pseudo-terminal relay for grader/test/terminal.ts (standard library only: CI may lack tmux).

    python3 pty-driver.py '{"argv": ["node", "app.js"], "cols": 100, "rows": 30}'

Runs argv in a new session whose controlling terminal is a pty of that size, then relays: what the
program writes to the terminal goes to our stdout, byte for byte; what we read on stdin is typed into
the terminal. Closing our stdin hangs up the terminal (the program gets SIGHUP, as when a terminal
window closes). When the program has exited and its output is drained, the last line on stderr is
    PTY-DRIVER-EXIT {"code": <int or null>, "signal": <int or null>}
The steps (waiting for text, typing, keys) are driven from TypeScript, so that patterns are matched
with JavaScript's own regular expressions.
"""
import errno
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

HANGUP_GRACE_S = 3.0
DRAIN_QUIET_S = 0.1


def main() -> None:
    spec = json.loads(sys.argv[1])
    argv = spec["argv"]
    rows, cols = int(spec.get("rows", 30)), int(spec.get("cols", 100))

    pid, master = pty.fork()
    if pid == 0:
        # The child: the pty is already its controlling terminal and stdio; size it before exec,
        # so the program sees its size from its first instruction.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        try:
            os.execvp(argv[0], argv)
        except OSError as err:
            os.write(2, f"pty-driver: cannot run {argv[0]}: {err}\n".encode())
            os._exit(127)

    out = sys.stdout.buffer
    stdin = sys.stdin.buffer.fileno()
    master_open = True
    status = None
    last_output = time.monotonic()

    # A SIGTERM from the test runner: hang the program up first, as below.
    def on_term(_sig, _frame):
        report(hang_up(pid, master if master_open else None))
        sys.exit(1)

    signal.signal(signal.SIGTERM, on_term)

    while True:
        watch = ([master] if master_open else []) + [stdin]
        ready, _, _ = select.select(watch, [], [], 0.05)
        if master_open and master in ready:
            try:
                data = os.read(master, 65536)
            except OSError as err:
                if err.errno != errno.EIO:
                    raise
                data = b""  # EIO: no process holds the terminal any more
            if data:
                out.write(data)
                out.flush()
                last_output = time.monotonic()
            else:
                master_open = False
        if stdin in ready:
            data = os.read(stdin, 65536)
            if not data:
                if status is None:
                    status = hang_up(pid, master if master_open else None)
                break
            if master_open:
                while data:
                    data = data[os.write(master, data):]
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                last_output = time.monotonic()  # the drain window starts at the exit
        # The program is gone: stop once its terminal is closed, or (a process it left behind still
        # holds it) once the output has been quiet for a moment.
        if status is not None and (not master_open or time.monotonic() - last_output >= DRAIN_QUIET_S):
            break

    report(status)


def hang_up(pid: int, master):
    """Close the terminal (SIGHUP to the program), then SIGKILL its process group if it lingers."""
    if master is not None:
        os.close(master)
    status = reap_within(pid, HANGUP_GRACE_S)
    if status is None:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        status = reap_within(pid, HANGUP_GRACE_S)
    return status


def reap_within(pid: int, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            return st
        time.sleep(0.01)
    return None


def report(status) -> None:
    code = sig = None
    if status is not None:
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
        elif os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
    sys.stderr.write("PTY-DRIVER-EXIT " + json.dumps({"code": code, "signal": sig}) + "\n")
    sys.stderr.flush()


if __name__ == "__main__":
    main()
