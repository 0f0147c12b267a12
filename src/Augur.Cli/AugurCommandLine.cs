using System.CommandLine;
using Augur.Cli.Commands;
using Augur.Core.Identifiers;
using Augur.Core.Scheduling;
using Augur.Traces;

namespace Augur.Cli;

/// <summary>The <c>augur</c> command: parses, dispatches, and maps failures to documented exit codes.</summary>
public static class AugurCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error);
        var root = new RootCommand("Augur: a workload manager that learns. Simulate batch traces under scheduling policies, or run them live (augur serve).")
        {
            SimulateCommand.Create(context),
            PredictCommand.Create(context),
            CompareCommand.Create(context),
            ReportCommand.Create(context),
            SweepCommand.Create(context),
            SweepTaskCommand.Create(context),
            PoliciesCommand.Create(context),
            ValidateCommand.Create(context),
            GenerateCommand.Create(context),
            ConvertCommand.Create(context),
            DemoCommand.Create(context),
            ServeCommand.Create(context),
            TokenCommand.Create(context),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'augur --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (TraceFormatException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnknownComponentException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (CommandLineFailureException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (InvalidDecisionException exception)
        {
            error.WriteLine($"error: invalid decision: {exception.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the outputs: {exception.Message}");
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The command line's last resort: any other failure is reported, never a crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: internal error ({exception.GetType().Name}): {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
