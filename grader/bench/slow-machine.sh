#!/usr/bin/env bash
# npm run slow -- <command…>   (e.g. npm run slow -- npm test)
# Run a command as if on a machine several times slower than this one, as learners' laptops and busy CI
# runners are: pinned to SOCKET_LAB_SLOW_CORES cores (default 1) beside SOCKET_LAB_SLOW_HOGS programs
# that never stop computing (default 2, on those same cores, each in a session of its own, as another
# program's would be), with a version-manager-like shim first on PATH, so that every `python3` starts
# through a shell script that runs children first, as pyenv's does. Verdicts must come out exactly as on
# a quiet machine. Plain bash, so that it also runs in a fresh clone before `npm ci`.
set -u
if [ $# -eq 0 ]; then
  echo 'usage: npm run slow -- <command…>   e.g. npm run slow -- npm test' >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
launchers="$root/grader/test/fixtures/launchers"
cores=${SOCKET_LAB_SLOW_CORES:-1}
hogs=${SOCKET_LAB_SLOW_HOGS:-2}
all=$(nproc 2>/dev/null || echo 1)
[ "$cores" -ge 1 ] 2>/dev/null || cores=1
[ "$cores" -le "$all" ] || cores=$all
[ "$hogs" -ge 0 ] 2>/dev/null || hogs=2
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "0-$((cores - 1))"); fi

# A hog leaves when this script does, even one killed with SIGKILL: now and then it checks its parent.
hog='const p = process.ppid; for (let i = 0; ; i++) if (i % 1e7 === 0 && process.ppid !== p) process.exit(0);'
pids=()
for ((i = 0; i < hogs; i++)); do
  setsid "${pin[@]}" node -e "$hog" </dev/null >/dev/null 2>&1 &
  pids+=($!)
done
stop_hogs() { [ ${#pids[@]} -eq 0 ] || kill -9 "${pids[@]}" 2>/dev/null; }
trap stop_hogs EXIT
trap 'stop_hogs; exit 130' INT
trap 'stop_hogs; exit 143' TERM
trap 'stop_hogs; exit 129' HUP

where=${pin[*]:+pinned to CPU 0-$((cores - 1))}
echo "slow machine: ${where:-not pinned (no taskset here)}, $hogs CPU hog(s) beside, python3 through a launcher shim ($launchers)" >&2
PATH="$launchers:$PATH" SOCKET_LAB_SLOW="$cores:$hogs" "${pin[@]}" "$@"
