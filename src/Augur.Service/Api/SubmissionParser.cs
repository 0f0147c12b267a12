using System.Text.Json;
using Augur.Service.Driver;
using Augur.Service.Security;
using Augur.Service.Store;

namespace Augur.Service.Api;

/// <summary>
/// Reads a POST /v1/jobs body field by field, so that every mistake is reported with its field's name and
/// reason (all of them at once), and no unknown field is silently ignored.
/// </summary>
public sealed class SubmissionParser
{
    public const int MaximumTextLength = 4096;
    public const int MaximumArguments = 1024;
    public const int MaximumTags = 32;
    public const long MaximumWallTimeSeconds = 366L * 24 * 3600;

    private static readonly HashSet<string> Fields = ["name", "command", "arguments", "shell", "resources", "wall_time_seconds", "user", "tags", "requeue"];
    private static readonly HashSet<string> ResourceFields = ["procs", "memory_mb", "gpus"];

    private readonly MachineResources machine;
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public SubmissionParser(MachineResources machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        this.machine = machine;
    }

    /// <summary>Field name to reasons, empty when the body was valid.</summary>
    public IDictionary<string, string[]> Errors => errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());

    /// <summary>The job to store, or null with <see cref="Errors"/> saying why.</summary>
    public JobSpecification? Parse(JsonElement body, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (body.ValueKind != JsonValueKind.Object)
        {
            Add("body", "must be a JSON object");
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                Add(property.Name, $"is not a field of a job (fields: {string.Join(", ", Fields)})");
            }
        }

        var command = Text(body, "command", required: true, MaximumTextLength);
        var arguments = TextList(body, "arguments", MaximumArguments, MaximumTextLength);
        var shell = Boolean(body, "shell") ?? false;
        if (shell && arguments.Count > 0)
        {
            Add("arguments", "must be empty when shell is true: put them in the command");
        }

        var name = Text(body, "name", required: false, 200) ?? (command is null ? string.Empty : Path.GetFileName(command.Split(' ')[0]));
        var user = Text(body, "user", required: false, 64) ?? caller.User;
        if (!TokenStore.IsValidUser(user))
        {
            Add("user", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        else if (!caller.MayAccess(user))
        {
            Add("user", $"must be your own user ('{caller.User}'): only an admin submits for others");
        }

        var wallTime = Whole(body, "wall_time_seconds", 1, MaximumWallTimeSeconds);
        var tags = TextList(body, "tags", MaximumTags, 64);
        var requeue = Boolean(body, "requeue") ?? false;
        int processors = 1, gpus = 0;
        long memory = 0;
        if (body.TryGetProperty("resources", out var resources))
        {
            if (resources.ValueKind != JsonValueKind.Object)
            {
                Add("resources", "must be an object with procs, memory_mb and gpus");
            }
            else
            {
                foreach (var property in resources.EnumerateObject())
                {
                    if (!ResourceFields.Contains(property.Name))
                    {
                        Add($"resources.{property.Name}", "is not a resource (resources: procs, memory_mb, gpus)");
                    }
                }

                processors = (int)(Whole(resources, "procs", 1, machine.Processors, "resources.", $"this machine has {machine.Processors}") ?? 1);
                memory = Whole(resources, "memory_mb", 0, machine.MemoryMegabytes, "resources.", $"this machine has {machine.MemoryMegabytes} MiB") ?? 0;
                gpus = (int)(Whole(resources, "gpus", 0, machine.Gpus, "resources.", $"this machine has {machine.Gpus}") ?? 0);
            }
        }

        if (errors.Count > 0 || command is null)
        {
            return null;
        }

        return new JobSpecification(name, command, arguments, shell, processors, memory, gpus, wallTime, user, tags, requeue);
    }

    private void Add(string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            errors[field] = reasons;
        }

        reasons.Add(reason);
    }

    private string? Text(JsonElement body, string field, bool required, int maximumLength)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(field, $"must be a string, not {Kind(value)}");
            return null;
        }

        return CheckText(field, value.GetString()!, maximumLength) ? value.GetString() : null;
    }

    private bool CheckText(string field, string text, int maximumLength)
    {
        if (text.Length == 0 || text.Length > maximumLength)
        {
            Add(field, $"must be 1 to {maximumLength} characters long");
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            Add(field, "must not contain a NUL character");
            return false;
        }

        return true;
    }

    private List<string> TextList(JsonElement body, string field, int maximumCount, int maximumLength)
    {
        var list = new List<string>();
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(field, $"must be an array of strings, not {Kind(value)}");
            return list;
        }

        if (value.GetArrayLength() > maximumCount)
        {
            Add(field, $"must have at most {maximumCount} entries");
            return list;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemField = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(itemField, $"must be a string, not {Kind(item)}");
            }
            else if (CheckText(itemField, item.GetString()!, maximumLength))
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    private bool? Boolean(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(field, $"must be true or false, not {Kind(value)}");
        return null;
    }

    private long? Whole(JsonElement body, string field, long minimum, long maximum, string prefix = "", string? why = null)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var name = prefix + field;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Add(name, $"must be a whole number, not {Kind(value)}");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Add(name, $"must be from {minimum} to {maximum}{(why is null ? string.Empty : $" ({why})")}, not {number}");
            return null;
        }

        return number;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
