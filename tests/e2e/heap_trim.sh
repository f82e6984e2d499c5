#!/usr/bin/env bash
# build keeps its freed heap (main.cpp, mallopt M_TRIM_THRESHOLD): a pack's documents take and
# free a few hundred KiB, and glibc's default handed the heap back after nearly every pack and
# faulted it in again for the next (~5 minor page faults a pack). Counted, not timed: the faults
# a build of 240 records takes beyond one of 40, per extra pack. A trim threshold the user sets
# through glibc's variables is kept (and then the faults come back).
source "$(dirname "$0")/lib.sh"

# AddressSanitizer brings its own allocator, which ignores mallopt.
# (ldd's whole output first: grep -q would stop reading, and with pipefail ldd's SIGPIPE fails
# the test.)
libs=$(ldd "$ESCALATE" 2>/dev/null)
if [[ $libs == *libasan* ]]; then echo "skip: sanitizer allocator"; exit 77; fi

mkdir -p "$TMP/small" "$TMP/large"
for i in $(seq -w 1 240); do
  sed "s/^id: ESC-2026-0142/id: ESC-H-$i/" fixtures/ESC-2026-0142.yaml > "$TMP/large/r$i.yaml"
  [ "$i" -le 40 ] && cp "$TMP/large/r$i.yaml" "$TMP/small/"
done

# faults_per_pack JOBS [ENV=VALUE]: the extra minor faults per extra pack.
faults_per_pack() {
  $PY - "$ESCALATE" "$TMP" "$NOW" "$@" <<'PY'
import os, resource, subprocess, sys
exe, tmp, now, jobs, *env = sys.argv[1:]
environ = dict(os.environ, **dict(e.split("=", 1) for e in env))
def faults(folder):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt
    subprocess.run([exe, "build", "--quiet", "-j", jobs, "--now", now, f"{tmp}/{folder}",
                    "-o", f"{tmp}/out-{folder}-{jobs}-{len(env)}"], env=environ, check=True,
                   stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - before
print(f"{(faults('large') - faults('small')) / 200:.2f}")
PY
}

# On one thread the count is steady (0.04 a pack now, ~20 with glibc's default); with two, which
# thread's arena takes which pack moves it either way, so it would prove nothing.
per=$(faults_per_pack 1)
awk -v p="$per" 'BEGIN { exit !(p < 1.5) }' && pass "$per minor page faults a pack" \
  || fail "$per minor page faults a pack (the heap is handed back after each pack?)"
per=$(faults_per_pack 1 GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072)
awk -v p="$per" 'BEGIN { exit !(p >= 3) }' && pass "a trim threshold the user sets is kept ($per faults a pack)" \
  || fail "GLIBC_TUNABLES trim_threshold was overridden ($per faults a pack)"

finish
