#!/usr/bin/env bash
# Starts a private single-node Slurm (22.05, Debian's packages) on loopback for Augur's tests and for trying
# executor/slurm by hand: munged, slurmctld and slurmd run as the calling user (root) from a folder of their own,
# with their own munge key and socket, ports and pid files, so that several can run side by side and none touches
# /etc/slurm or /etc/munge. There is no systemd here: the daemons are started directly and daemonize.
#
#   scripts/slurm/start.sh [--cpus N] [--memory MB] [FOLDER]
#
# FOLDER (default: a new /tmp/augur-slurm.XXXXXX) receives slurm.conf, the daemons' logs and pid files, the state
# and spool folders and the job completion log (jobcomp.log). On success it prints FOLDER on stdout and writes
# FOLDER/env, to be sourced:  SLURM_CONF, AUGUR_SLURM_FOLDER, AUGUR_SLURM_NODE, AUGUR_SLURM_PARTITION,
# AUGUR_SLURM_JOBCOMP. Stop it with scripts/slurm/stop.sh FOLDER.
# Given a FOLDER that start.sh made before, it keeps its configuration, key and ports and starts only the daemons that
# are not running, slurmctld recovering its saved state: this is how tests restart a controller that
# `stop.sh --controller FOLDER` stopped while jobs ran.
# Exit codes: 0 started and the node idle; 1 a daemon failed (its log is printed on stderr); 2 usage.
set -euo pipefail

cpus=8
memory=16000
folder=""
while (( $# > 0 )); do
  case "$1" in
    --cpus) cpus="${2:?--cpus needs a number}"; shift 2 ;;
    --memory) memory="${2:?--memory needs megabytes}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "start.sh: unknown option $1" >&2; exit 2 ;;
    *) folder="$1"; shift ;;
  esac
done
[[ "$cpus" =~ ^[1-9][0-9]*$ ]] || { echo "start.sh: --cpus must be a positive whole number, not '$cpus'" >&2; exit 2; }
[[ "$memory" =~ ^[1-9][0-9]*$ ]] || { echo "start.sh: --memory must be a positive number of MB, not '$memory'" >&2; exit 2; }
for program in munged slurmctld slurmd scontrol sinfo; do
  command -v "$program" >/dev/null 2>&1 || { echo "start.sh: $program is not installed (apt-get install munge slurmctld slurmd slurm-client)" >&2; exit 1; }
done
if [[ $(id -u) -ne 0 ]]; then
  echo "start.sh: must run as root (slurmd starts jobs as their users)" >&2; exit 1
fi

if [[ -z "$folder" ]]; then folder="$(mktemp -d /tmp/augur-slurm.XXXXXX)"; fi
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
node="augur-node1"
partition="debug"
socket="$folder/munge/munge.socket.2"

port_in_use() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
pick_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! port_in_use "$port" && [[ "$port" != "${1:-}" ]]; then echo "$port"; return 0; fi
  done
  echo "start.sh: no free port found" >&2; return 1
}

configure() {
  # munged refuses a socket folder that others may write to; slurmd refuses a world-readable key.
  chmod 0755 "$folder"
  mkdir -p "$folder/munge" "$folder/state" "$folder/spool"
  chmod 0700 "$folder/munge"

  # Two free TCP ports on loopback, chosen at random so that parallel test runs do not collide.
  controller_port="$(pick_port)"
  node_port="$(pick_port "$controller_port")"

  host="$(hostname -s)"

  dd if=/dev/urandom of="$folder/munge/munge.key" bs=1 count=1024 status=none
  chmod 0400 "$folder/munge/munge.key"

  cat > "$folder/slurm.conf" <<CONF
# Written by scripts/slurm/start.sh for a private single-node Slurm on loopback.
ClusterName=augur
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$controller_port
SlurmdPort=$node_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$folder/state
SlurmdSpoolDir=$folder/spool
SlurmctldPidFile=$folder/slurmctld.pid
SlurmdPidFile=$folder/slurmd.pid
SlurmctldLogFile=$folder/slurmctld.log
SlurmdLogFile=$folder/slurmd.log
# No cgroups here: track processes through /proc and bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# Charge jobs CPUs, not the whole node's memory.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# No slurmdbd (so no sacct): finished jobs go to a text log.
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$folder/jobcomp.log
# The node may declare more CPUs than this machine has.
SlurmdParameters=config_overrides
# The defaults take minutes to drain a few hundred short jobs; these take seconds.
SchedulerParameters=batch_sched_delay=0,bf_interval=1,sched_interval=2
MailProg=/bin/true
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$node NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=$partition Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

  cat > "$folder/env" <<ENV
export SLURM_CONF=$folder/slurm.conf
export AUGUR_SLURM_FOLDER=$folder
export AUGUR_SLURM_NODE=$node
export AUGUR_SLURM_PARTITION=$partition
export AUGUR_SLURM_JOBCOMP=$folder/jobcomp.log
ENV
}

restart=0
if [[ -f "$folder/slurm.conf" ]]; then restart=1; else configure; fi
export SLURM_CONF="$folder/slurm.conf"

fail() {
  echo "start.sh: $1" >&2
  for log in "$folder/munge/munged.log" "$folder/slurmctld.log" "$folder/slurmd.log"; do
    [[ -s "$log" ]] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  # A new cluster that did not come up is taken down; a restart leaves the running daemons and their jobs alone.
  if (( restart == 0 )); then "$(dirname "${BASH_SOURCE[0]}")/stop.sh" "$folder" >/dev/null 2>&1 || true; fi
  exit 1
}

# Whether the daemon named $2 of this folder runs, by its pid file $1 (liveness from /proc: a zombie is gone; a
# stale pid file naming another process by now does not count).
alive() {
  local pid state
  pid="$( { tr -dc '0-9' < "$1"; } 2>/dev/null)"
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
  state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$2" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$folder/"
}
if ! alive "$folder/munge/munged.pid" munged; then
  munged --force --socket="$socket" --key-file="$folder/munge/munge.key" --pid-file="$folder/munge/munged.pid" \
    --log-file="$folder/munge/munged.log" --seed-file="$folder/munge/munged.seed" || fail "munged did not start"
fi
if ! alive "$folder/slurmctld.pid" slurmctld; then
  # -i: a new cluster has no saved state to recover; a restarted controller recovers its jobs.
  if (( restart == 1 )); then slurmctld -f "$folder/slurm.conf" || fail "slurmctld did not restart"
  else slurmctld -f "$folder/slurm.conf" -i || fail "slurmctld did not start"; fi
fi
if ! alive "$folder/slurmd.pid" slurmd; then
  slurmd -f "$folder/slurm.conf" -N "$node" || fail "slurmd did not start"
fi

# A dead controller makes clients hang, so every poll has its own timeout.
for _ in $(seq 1 300); do
  state="$(timeout 3 sinfo -h -n "$node" -o '%t' 2>/dev/null || true)"
  # After a restart the node may be running jobs (mix, alloc); a new node must be idle.
  if [[ "$state" == "idle" ]] || { (( restart == 1 )) && [[ "$state" == mix || "$state" == alloc ]]; }; then
    echo "$folder"
    exit 0
  fi
  sleep 0.1
done
fail "node $node is not ready after 30 s (last state: '${state:-none}')"
