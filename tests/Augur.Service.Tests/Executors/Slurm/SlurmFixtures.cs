namespace Augur.Service.Tests.Executors.Slurm;

/// <summary>
/// Outputs of Slurm 22.05's clients, captured from the single-node Slurm of scripts/slurm/start.sh on this kind of
/// machine (Debian 12) and cut to what the parsers read; the tests' expectations are read off these lines by hand.
/// </summary>
internal static class SlurmFixtures
{
    /// <summary><c>scontrol show job -o</c>: job 1 ran "exit 3" (FAILED), job 2 is running, job 3 waits for a partition it exceeds.</summary>
    public const string ScontrolJobs =
        "JobId=1 JobName=augur-x-1 UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=0 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0 RunTime=00:00:00 TimeLimit=00:02:00 TimeMin=N/A SubmitTime=2026-11-22T13:02:57 EligibleTime=2026-11-22T13:02:57 AccrueTime=2026-11-22T13:02:57 StartTime=2026-11-22T13:02:58 EndTime=2026-11-22T13:02:58 Deadline=N/A SuspendTime=None SecsPreSuspend=0 LastSchedEval=2026-11-22T13:02:58 Scheduler=Backfill Partition=debug AllocNode:Sid=localhost:14771 ReqNodeList=augur-node1 ExcNodeList=(null) NodeList=augur-node1 BatchHost=augur-node1 NumNodes=1 NumCPUs=2 NumTasks=2 CPUs/Task=1 ReqB:S:C:T=0:0:*:* TRES=cpu=2,node=1,billing=2 Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=* MinCPUsNode=1 MinMemoryNode=0 MinTmpDiskNode=0 Features=(null) DelayBoot=00:00:00 OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null) Command=/tmp/se-run/a.sh WorkDir=/tmp/se-run Comment=augur job 1  StdErr=/tmp/se-run/stderr StdIn=/dev/null StdOut=/tmp/se-run/stdout Power= \n" +
        "JobId=2 JobName=augur-x-2 UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901758 Nice=0 Account=(null) QOS=(null) JobState=RUNNING Reason=None Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0 RunTime=00:00:00 TimeLimit=00:02:00 TimeMin=N/A SubmitTime=2026-11-22T13:02:57 EligibleTime=2026-11-22T13:02:57 AccrueTime=2026-11-22T13:02:57 StartTime=2026-11-22T13:02:58 EndTime=2026-11-22T13:04:58 Deadline=N/A SuspendTime=None SecsPreSuspend=0 LastSchedEval=2026-11-22T13:02:58 Scheduler=Backfill Partition=debug AllocNode:Sid=localhost:14771 ReqNodeList=augur-node1 ExcNodeList=(null) NodeList=augur-node1 BatchHost=augur-node1 NumNodes=1 NumCPUs=1 NumTasks=1 CPUs/Task=1 ReqB:S:C:T=0:0:*:* TRES=cpu=1,node=1,billing=1 Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=* MinCPUsNode=1 MinMemoryNode=0 MinTmpDiskNode=0 Features=(null) DelayBoot=00:00:00 OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null) Command=(null) WorkDir=/tmp/se-run StdErr=/tmp/se-run/o2 StdIn=/dev/null StdOut=/tmp/se-run/o2 Power= \n" +
        "JobId=3 JobName=wrap UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901757 Nice=0 Account=(null) QOS=(null) JobState=PENDING Reason=PartitionConfig Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0 RunTime=00:00:00 TimeLimit=UNLIMITED TimeMin=N/A SubmitTime=2026-11-22T13:02:57 EligibleTime=2026-11-22T13:02:57 AccrueTime=2026-11-22T13:02:57 StartTime=Unknown EndTime=Unknown Deadline=N/A SuspendTime=None SecsPreSuspend=0 LastSchedEval=2026-11-22T13:02:57 Scheduler=Main Partition=debug AllocNode:Sid=localhost:14771 ReqNodeList=(null) ExcNodeList=(null) NodeList= NumNodes=13 NumCPUs=100 NumTasks=100 CPUs/Task=1 ReqB:S:C:T=0:0:*:* TRES=cpu=100,mem=16000M,node=1,billing=100 Socks/Node=* NtasksPerN:B:S:C=0:0:*:* CoreSpec=* MinCPUsNode=1 MinMemoryNode=0 MinTmpDiskNode=0 Features=(null) DelayBoot=00:00:00 OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null) Command=(null) WorkDir=/tmp StdErr=/tmp/slurm-3.out StdIn=/dev/null StdOut=/tmp/slurm-3.out Power= \n";

    /// <summary>The jobcomp/filetxt log after jobs 1 (exit 3) and 2 (cancelled while running) ended.</summary>
    public const string Jobcomp =
        "JobId=1 UserId=root(0) GroupId=root(0) Name=augur-x-1 JobState=FAILED Partition=debug TimeLimit=2 StartTime=2026-11-22T13:02:58 EndTime=2026-11-22T13:02:58 NodeList=augur-node1 NodeCnt=1 ProcCnt=2 WorkDir=/tmp/se-run ReservationName= Tres=cpu=2,mem=16000M,node=1,billing=2 Account= QOS= WcKey= Cluster=unknown SubmitTime=2026-11-22T13:02:57 EligibleTime=2026-11-22T13:02:57 DerivedExitCode=0:0 ExitCode=3:0 \n" +
        "JobId=2 UserId=root(0) GroupId=root(0) Name=augur-x-2 JobState=CANCELLED Partition=debug TimeLimit=2 StartTime=2026-11-22T13:02:58 EndTime=2026-11-22T13:03:01 NodeList=augur-node1 NodeCnt=1 ProcCnt=1 WorkDir=/tmp/se-run ReservationName= Tres=cpu=1,mem=16000M,node=1,billing=1 Account= QOS= WcKey= Cluster=unknown SubmitTime=2026-11-22T13:02:57 EligibleTime=2026-11-22T13:02:57 DerivedExitCode=0:0 ExitCode=0:0 \n";

    /// <summary><c>squeue -h --states=all -o "%i|%j|%T|%r|%S|%e|%N"</c>.</summary>
    public const string Squeue =
        "2|augur-x-2|CANCELLED|None|2026-11-22T13:02:58|2026-11-22T13:03:01|augur-node1\n" +
        "3|wrap|PENDING|PartitionConfig|N/A|N/A|\n" +
        "1|augur-x-1|FAILED|NonZeroExitCode|2026-11-22T13:02:58|2026-11-22T13:02:58|augur-node1\n";

    /// <summary><c>scontrol show nodes -o</c> of the test Slurm's one node (8 CPUs declared, 16000 MiB).</summary>
    public const string Node =
        "NodeName=augur-node1 Arch=x86_64 CoresPerSocket=1  CPUAlloc=0 CPUEfctv=8 CPUTot=8 CPULoad=5.28 AvailableFeatures=(null) ActiveFeatures=(null) Gres=(null) NodeAddr=127.0.0.1 NodeHostName=vm Version=22.05.8 OS=Linux 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0  RealMemory=16000 AllocMem=0 FreeMem=21495 Sockets=8 Boards=1 State=IDLE ThreadsPerCore=1 TmpDisk=0 Weight=1 Owner=N/A MCS_label=N/A Partitions=debug  BootTime=2026-11-22T04:35:27 SlurmdStartTime=2026-11-22T13:02:54 LastBusyTime=2026-11-22T13:02:54 CfgTRES=cpu=8,mem=16000M,billing=8 AllocTRES= CapWatts=n/a CurrentWatts=0 AveWatts=0 ExtSensorsJoules=n/s ExtSensorsWatts=0 ExtSensorsTemp=n/s\n";

    /// <summary>2026-11-22T13:02:58 UTC in microseconds since the Unix epoch: 20,779 days * 86,400 s + 13:02:58 (46,978 s) = 1,795,352,578 s.</summary>
    public const long At130258 = 1_795_352_578_000_000;
}
