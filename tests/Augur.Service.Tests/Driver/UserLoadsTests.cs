using Augur.Service.Driver;

namespace Augur.Service.Tests.Driver;

public sealed class UserLoadsTests
{
    [Fact]
    public void Read_AfterJobsEnterStartAndLeave_CountsWhatIsQueuedRunningAndEnded()
    {
        var loads = new UserLoads();
        loads.Enter("bob", 4, running: false);
        loads.Enter("alice", 2, running: false);
        loads.Enter("alice", 3, running: false);
        loads.Enter("alice", 1, running: true);
        loads.Start("alice", 2);
        loads.Leave("alice", 1, running: true, ended: true);
        loads.Leave("bob", 4, running: false, ended: false);

        var (users, total) = loads.Read(10, null);

        Assert.Equal(2, total);
        Assert.Equal(
            [new UserLoad("alice", 1, 3, 1, 2, 1), new UserLoad("bob", 0, 0, 0, 0, 0)],
            users);
    }

    [Fact]
    public void Read_WithALimit_GivesTheFirstNamesInOrdinalOrderAndTheTotal()
    {
        var loads = new UserLoads();
        foreach (var user in (string[])["carol", "Zed", "alice", "bob"])
        {
            loads.Enter(user, 1, running: false);
        }

        var (users, total) = loads.Read(2, null);

        Assert.Equal(4, total);
        Assert.Equal(["Zed", "alice"], users.Select(load => load.User));
    }

    [Fact]
    public void Read_ForOneUser_GivesOnlyThemOrNobody()
    {
        var loads = new UserLoads();
        loads.Enter("alice", 1, running: false);
        loads.Enter("bob", 1, running: false);

        Assert.Equal(["bob"], loads.Read(10, "bob").Users.Select(load => load.User));
        Assert.Empty(loads.Read(10, "carol").Users);
    }
}
