using Microsoft.Data.Sqlite;

namespace Augur.Service.Store;

/// <summary>The SQLite schema (docs/service.md, "The store") and the connection settings every connection gets.</summary>
internal static class StoreSchema
{
    public const int Version = 2;

    /// <summary>The columns <see cref="JobRows.Read"/> expects, in its order.</summary>
    public const string JobColumns =
        "id, user, name, command, arguments, shell, procs, memory_mb, gpus, wall_time_s, tags, requeue, state, " +
        "submit_us, start_us, end_us, exit_code, peak_rss_kb, reason, pid, pid_start_ticks, attempts, predicted_s, slurm_job_id";

    private const string Create = """
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY,
            user TEXT NOT NULL,
            idempotency_key TEXT,
            request_hash TEXT,
            name TEXT NOT NULL,
            command TEXT NOT NULL,
            arguments TEXT NOT NULL,
            shell INTEGER NOT NULL,
            procs INTEGER NOT NULL,
            memory_mb INTEGER NOT NULL,
            gpus INTEGER NOT NULL,
            wall_time_s INTEGER,
            tags TEXT NOT NULL,
            requeue INTEGER NOT NULL,
            state TEXT NOT NULL,
            submit_us INTEGER NOT NULL,
            start_us INTEGER,
            end_us INTEGER,
            exit_code INTEGER,
            peak_rss_kb INTEGER,
            reason TEXT,
            pid INTEGER,
            pid_start_ticks INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            predicted_s REAL,
            slurm_job_id INTEGER);
        CREATE UNIQUE INDEX IF NOT EXISTS jobs_by_idempotency_key ON jobs(user, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs(state, id);
        CREATE INDEX IF NOT EXISTS jobs_by_user ON jobs(user, id);
        CREATE TABLE IF NOT EXISTS tokens (
            id TEXT PRIMARY KEY,
            user TEXT NOT NULL,
            admin INTEGER NOT NULL,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            created_us INTEGER NOT NULL);
        """;

    /// <summary>Opens a connection with WAL and synchronous=FULL: a committed transaction survives a crash or power loss.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    /// <summary>Creates the tables if they are missing and refuses a store from a newer Augur.</summary>
    public static void Ensure(SqliteConnection connection)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var found = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > Version)
        {
            throw new InvalidOperationException($"the store has schema version {found}; this Augur knows version {Version} at most.");
        }

        if (found == 1)
        {
            // Version 2 added the Slurm job id of executor/slurm's jobs; older rows have none. One transaction with
            // the version: a crash in between cannot leave the column without the version that says it exists.
            Execute(connection, "BEGIN; ALTER TABLE jobs ADD COLUMN slurm_job_id INTEGER; PRAGMA user_version = 2; COMMIT;");
        }

        Execute(connection, Create + $"PRAGMA user_version = {Version};");
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
