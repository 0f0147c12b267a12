using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Augur.Service.Store;

namespace Augur.Service.Security;

/// <summary>
/// Bearer tokens: <c>augur_ID_SECRET</c>, where the store keeps only ID, the user, a random salt and
/// SHA-256(salt + SECRET). A secret is 32 random bytes, so a fast hash is enough: there is no password to guess,
/// and slow hashes (PBKDF2) would cost every request milliseconds. Verified tokens are cached in memory.
/// </summary>
public sealed class TokenStore
{
    private const string Prefix = "augur_";
    private readonly string path;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Caller> verified = new(StringComparer.Ordinal);

    public TokenStore(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        this.path = path;
        this.time = time;
        using var connection = StoreSchema.Open(path);
        StoreSchema.Ensure(connection);
    }

    /// <summary>A user name: 1 to 64 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsValidUser(string? user) =>
        user is { Length: > 0 and <= 64 } && user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Creates a token for <paramref name="user"/> and returns it; it is shown once and never stored.</summary>
    public string Create(string user, bool admin)
    {
        if (!IsValidUser(user))
        {
            throw new ArgumentException($"'{user}' is not a valid user name: use 1 to 64 letters, digits, '.', '_' or '-'.", nameof(user));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO tokens (id, user, admin, salt, hash, created_us) VALUES ($id, $user, $admin, $salt, $hash, $created)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$user", user);
        command.Parameters.AddWithValue("$admin", admin ? 1 : 0);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$hash", Hash(salt, secret));
        command.Parameters.AddWithValue("$created", (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10);
        command.ExecuteNonQuery();
        return $"{Prefix}{id}_{secret}";
    }

    /// <summary>The caller a token belongs to, or null for a malformed, unknown or wrong token.</summary>
    public Caller? Verify(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (verified.TryGetValue(token, out var cached))
        {
            return cached;
        }

        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        var separator = token.IndexOf('_', Prefix.Length);
        if (separator < 0)
        {
            return null;
        }

        var id = token[Prefix.Length..separator];
        var secret = token[(separator + 1)..];
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user, admin, salt, hash FROM tokens WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var salt = (byte[])reader.GetValue(2);
        var hash = (byte[])reader.GetValue(3);
        if (!CryptographicOperations.FixedTimeEquals(hash, Hash(salt, secret)))
        {
            return null;
        }

        var caller = new Caller(reader.GetString(0), reader.GetInt64(1) != 0);
        verified[token] = caller;
        return caller;
    }

    /// <summary>How many tokens exist (the service warns at start when there are none).</summary>
    public long Count()
    {
        using var connection = StoreSchema.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tokens";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static byte[] Hash(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
