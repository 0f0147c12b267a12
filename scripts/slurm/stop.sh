#!/usr/bin/env bash
# Stops a Slurm started by scripts/slurm/start.sh FOLDER: cancels its jobs, stops slurmd, slurmctld and munged by
# the PIDs in their pid files, kills whatever of its jobs is still alive, and waits until every one is gone.
# Liveness is read from /proc (a zombie counts as gone): process 1 here does not reap, so `kill -0` would lie.
#
#   scripts/slurm/stop.sh [--remove | --controller] FOLDER
#
# --remove deletes FOLDER afterwards. --controller stops slurmctld only (SIGTERM: it saves its state), leaving jobs,
# slurmd and munged running, as when a site's controller goes down; start.sh FOLDER brings it back. Exit codes: 0 stopped (or nothing was running); 1 a process outlived SIGKILL;
# 2 usage.
set -uo pipefail

remove=0
controller_only=0
folder=""
while (( $# > 0 )); do
  case "$1" in
    --remove) remove=1; shift ;;
    --controller) controller_only=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "stop.sh: unknown option $1" >&2; exit 2 ;;
    *) folder="$1"; shift ;;
  esac
done
[[ -n "$folder" ]] || { echo "stop.sh: usage: stop.sh [--remove] FOLDER" >&2; exit 2; }
[[ -f "$folder/slurm.conf" ]] || { echo "stop.sh: $folder/slurm.conf not found (not a folder made by start.sh)" >&2; exit 2; }
folder="$(cd "$folder" && pwd)"
export SLURM_CONF="$folder/slurm.conf"

alive() {
  local state
  [[ -r "/proc/$1/stat" ]] || return 1
  state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}
pid_of() { [[ -s "$1" ]] && tr -dc '0-9' < "$1"; }
# The daemon of this folder named in pid file $1, if it is still that daemon: a stale pid file (after a reboot, say)
# may name an unrelated process by now, which must not be signalled.
daemon_of() {
  local pid
  pid="$(pid_of "$1" || true)"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$2" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$folder/" || return 1
  echo "$pid"
}

if (( controller_only == 1 )); then
  if pid="$(daemon_of "$folder/slurmctld.pid" slurmctld)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || exit 0; sleep 0.1; done
    echo "stop.sh: slurmctld ($pid) did not stop within 10 s" >&2
    exit 1
  fi
  exit 0
fi

# Jobs first, while the controller can still cancel them.
if daemon_of "$folder/slurmctld.pid" slurmctld >/dev/null; then
  jobs="$(timeout 3 squeue -h -o '%i' 2>/dev/null || true)"
  if [[ -n "$jobs" ]]; then
    # shellcheck disable=SC2086
    timeout 3 scancel $jobs >/dev/null 2>&1 || true
  fi
fi

pids=()
for daemon in slurmd:slurmd.pid slurmctld:slurmctld.pid munged:munge/munged.pid; do
  if pid="$(daemon_of "$folder/${daemon#*:}" "${daemon%%:*}")"; then
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
  fi
done
# Job steps and the jobs' own processes inherit SLURM_CONF from slurmd: find the ones of this folder only, and only
# Slurm's (slurmstepd, or a process Slurm started for a job), not a client that was run with this SLURM_CONF.
for environ in /proc/[0-9]*/environ; do
  pid="${environ#/proc/}"; pid="${pid%/environ}"
  variables="$( { tr '\0' '\n' < "$environ"; } 2>/dev/null)" || continue
  grep -qxF "SLURM_CONF=$folder/slurm.conf" <<<"$variables" || continue
  if [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == slurmstepd ]] || grep -q '^SLURM_JOB_ID=' <<<"$variables"; then
    if [[ "$pid" != "$$" && "$pid" != "$BASHPID" ]] && alive "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  fi
done

status=0
for pid in "${pids[@]}"; do
  for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then echo "stop.sh: process $pid is still alive after SIGKILL" >&2; status=1; fi
  fi
done
if (( remove == 1 && status == 0 )); then rm -rf "$folder"; fi
exit "$status"
