using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Augur.Cli.Commands;

/// <summary>
/// Integer options with a message a user can act on ("--procs must be a whole number from 1 to ..., not
/// 'abc'") instead of the parser's own, which names .NET types.
/// </summary>
public static class WholeNumberOption
{
    /// <summary>A required-value option with a default.</summary>
    public static Option<int> Create(string name, string description, int defaultValue, int minimum, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(result, name, minimum, maximum) ?? defaultValue,
        };

    /// <summary>An option that may be absent (null).</summary>
    public static Option<int?> CreateOptional(string name, string description, int minimum, int maximum = int.MaxValue) =>
        new(name)
        {
            Description = description,
            CustomParser = result => Parse(result, name, minimum, maximum),
        };

    private static int? Parse(ArgumentResult result, string name, int minimum, int maximum)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        var range = maximum == int.MaxValue
            ? $"{minimum.ToString(CultureInfo.InvariantCulture)} or more"
            : $"from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}";
        result.AddError($"{name} must be a whole number {range}, not '{text}'");
        return null;
    }
}
