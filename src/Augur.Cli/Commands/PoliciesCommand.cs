using System.CommandLine;
using Augur.Policies;
using Augur.Policies.Queueing;

namespace Augur.Cli.Commands;

/// <summary><c>augur policies</c>: every policy and queue order id with one line each.</summary>
public static class PoliciesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("policies", "List the scheduling policies and queue orders.");
        command.SetAction(_ =>
        {
            var width = PolicyCatalogue.Entries.Select(e => e.Id.Length).Concat(QueueOrders.Catalogue.Entries.Select(e => e.Id.Length)).Max() + 2;
            context.Out.WriteLine("policies (--policy):");
            foreach (var entry in PolicyCatalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            context.Out.WriteLine("queue orders (--order, with queue/fcfs, backfill/easy or backfill/conservative):");
            foreach (var entry in QueueOrders.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
