using Spectre.Console;

namespace Augur.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and messages to <see cref="Error"/>.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });

        // Redirected output has no width; tables must not wrap into unreadable columns.
        if (Console.Profile.Width < WideTableWidth)
        {
            Console.Profile.Width = WideTableWidth;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
        });
    }

    private const int WideTableWidth = 160;

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Tables and text for results.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress bars (only when stderr is a terminal).</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Augur's version, as written into every summary.</summary>
    public static string Version { get; } =
        typeof(CliContext).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
