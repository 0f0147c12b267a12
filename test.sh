#!/usr/bin/env bash
# Installs what the tests need (apt-get only when something is missing), builds, runs every test project,
# and ends with one line: "tests: N passed, M failed, K skipped", summed over all test projects.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# System packages the tests use. Each entry: a command (or library file) to look for, and its Debian package.
needed=()
need() { if ! command -v "$1" >/dev/null 2>&1 && [[ ! -e "$1" ]]; then needed+=("$2"); fi; }
need gzip gzip
# The report tests open pages in Debian's Chromium; the build installs the report's charting library with npm.
need chromium chromium
need npm npm
# A shared library (by soname) and its package. Its path differs by architecture, so ask the loader's cache (ldconfig
# is in /sbin, often not on a user's PATH); read through a process substitution because with pipefail, grep -q
# quitting early could fail ldconfig with SIGPIPE.
need_library() {
  local ldconfig; ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
  if ! grep -qF "$1" < <("$ldconfig" -p 2>/dev/null); then needed+=("$2"); fi
}
need_library 'libxgboost.so.0' libxgboost0
# executor/slurm and sweeps on Slurm are tested against a private Slurm started by scripts/slurm/start.sh.
need /usr/sbin/munged munge
need /usr/sbin/slurmctld slurmctld
need /usr/sbin/slurmd slurmd
need sbatch slurm-client
if (( ${#needed[@]} > 0 )); then
  echo "test.sh: installing ${needed[*]}" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq "${needed[@]}"; else sudo apt-get update -qq && sudo apt-get install -y -qq "${needed[@]}"; fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet, version in global.json) is required" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

if ! dotnet build Augur.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: the build failed" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
projects=()
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" && projects+=("$project")
done

status=0
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  echo "== $name" >&2
  if ! dotnet test "$project" -c Release --no-build --nologo --blame-hang-timeout 15m \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results"; then
    status=1
    touch "$results/$name.exit-failed"
  fi
done

passed=0; failed=0; skipped=0
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  trx="$results/$name.trx"
  counters="$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null || true)"
  if [[ -z "$counters" ]]; then
    echo "test.sh: $name produced no results (crashed or did not run)" >&2
    failed=$((failed + 1)); status=1
    continue
  fi
  value() { local v; v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; echo "${v:-0}"; }
  total=$(value total); p=$(value passed)
  # Errors, time-outs and aborted tests are failures too; skipped is what was not executed.
  f=$(( $(value failed) + $(value error) + $(value timeout) + $(value aborted) ))
  s=$(value notExecuted)
  if [[ -e "$results/$name.exit-failed" && $f -eq 0 ]]; then
    echo "test.sh: $name failed without a failed test (host crash or no tests)" >&2
    f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

if (( passed + failed == 0 )); then status=1; fi
if (( failed > 0 )); then status=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
