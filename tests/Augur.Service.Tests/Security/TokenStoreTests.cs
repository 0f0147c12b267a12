using Augur.Service.Security;

namespace Augur.Service.Tests.Security;

public sealed class TokenStoreTests
{
    [Fact]
    public void Verify_CreatedToken_IsItsUser()
    {
        using var folder = new TemporaryFolder();
        var tokens = new TokenStore(Path.Combine(folder.Path, "augur.db"), TimeProvider.System);
        var token = tokens.Create("alice", admin: true);
        Assert.Equal(new Caller("alice", true), tokens.Verify(token));
    }

    [Fact]
    public void Verify_TokenWithOneCharacterChanged_IsRejected()
    {
        using var folder = new TemporaryFolder();
        var tokens = new TokenStore(Path.Combine(folder.Path, "augur.db"), TimeProvider.System);
        var token = tokens.Create("alice", admin: false);
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        Assert.Null(tokens.Verify(changed));
    }

    [Fact]
    public void Create_InvalidUser_Throws()
    {
        using var folder = new TemporaryFolder();
        var tokens = new TokenStore(Path.Combine(folder.Path, "augur.db"), TimeProvider.System);
        Assert.Throws<ArgumentException>(() => tokens.Create("a b", admin: false));
    }

    [Fact]
    public void Store_KeepsNoSecret()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "augur.db");
        var token = new TokenStore(path, TimeProvider.System).Create("alice", admin: false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var secret = System.Text.Encoding.UTF8.GetBytes(token.Split('_', 3)[2]);
        var bytes = File.ReadAllBytes(path).Concat(File.Exists(path + "-wal") ? File.ReadAllBytes(path + "-wal") : []).ToArray();
        Assert.Equal(-1, bytes.AsSpan().IndexOf(secret));
    }
}
