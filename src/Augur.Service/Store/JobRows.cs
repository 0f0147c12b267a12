using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Augur.Service.Store;

/// <summary>Turns a row of <see cref="StoreSchema.JobColumns"/> into a <see cref="JobRecord"/>.</summary>
internal static class JobRows
{
    public static JobRecord Read(SqliteDataReader reader)
    {
        var specification = new JobSpecification(
            Name: reader.GetString(2),
            Command: reader.GetString(3),
            Arguments: JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? [],
            Shell: reader.GetInt64(5) != 0,
            Processors: reader.GetInt32(6),
            MemoryMegabytes: reader.GetInt64(7),
            Gpus: reader.GetInt32(8),
            WallTimeSeconds: NullableInt64(reader, 9),
            User: reader.GetString(1),
            Tags: JsonSerializer.Deserialize<string[]>(reader.GetString(10)) ?? [],
            Requeue: reader.GetInt64(11) != 0);
        if (!JobStates.TryParse(reader.GetString(12), out var state))
        {
            throw new InvalidDataException($"job {reader.GetInt64(0)} has an unknown state '{reader.GetString(12)}' in the store.");
        }

        return new JobRecord(
            reader.GetInt64(0),
            specification,
            state,
            reader.GetInt64(13),
            NullableInt64(reader, 14),
            NullableInt64(reader, 15),
            reader.IsDBNull(16) ? null : reader.GetInt32(16),
            NullableInt64(reader, 17),
            reader.IsDBNull(18) ? null : reader.GetString(18),
            reader.IsDBNull(19) ? null : reader.GetInt32(19),
            NullableInt64(reader, 20),
            reader.GetInt32(21),
            reader.IsDBNull(22) ? null : reader.GetDouble(22),
            NullableInt64(reader, 23));
    }

    private static long? NullableInt64(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);
}
