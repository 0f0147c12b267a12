using System.CommandLine;
using Augur.Policies;
using Augur.Policies.Gpu;
using Augur.Policies.Gpu.Placement;
using Augur.Policies.Queueing;
using Augur.Prediction;
using Augur.Prediction.Gpu;

namespace Augur.Cli.Commands;

/// <summary><c>augur policies</c>: every policy and queue order id with one line each.</summary>
public static class PoliciesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("policies", "List the scheduling policies, queue orders, predictors and correctors.");
        command.SetAction(_ =>
        {
            var width = PolicyCatalogue.Entries.Select(e => e.Id.Length)
                .Concat(QueueOrders.Catalogue.Entries.Select(e => e.Id.Length))
                .Concat(PredictorCatalogue.Catalogue.Entries.Select(e => e.Id.Length))
                .Concat(CorrectorCatalogue.Catalogue.Entries.Select(e => e.Id.Length))
                .Concat(GpuPolicyCatalogue.Catalogue.Entries.Select(e => e.Id.Length))
                .Concat(PlacementCatalogue.Catalogue.Entries.Select(e => e.Id.Length))
                .Concat(GpuPredictorCatalogue.Catalogue.Entries.Select(e => e.Id.Length))
                .Max() + 2;
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

            context.Out.WriteLine("run-time predictors (--predictor, with any policy):");
            foreach (var entry in PredictorCatalogue.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            context.Out.WriteLine("correctors (--corrector, for a job that outlives its prediction):");
            foreach (var entry in CorrectorCatalogue.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            context.Out.WriteLine("GPU policies (--policy, with GPU traces: docs/gpu.md):");
            foreach (var entry in GpuPolicyCatalogue.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            context.Out.WriteLine("GPU predictors (--predictor, with gpu/sjf, gpu/srtf and gpu/qssf):");
            foreach (var entry in GpuPredictorCatalogue.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            context.Out.WriteLine("GPU placements (--placement, with GPU traces):");
            foreach (var entry in PlacementCatalogue.Catalogue.Entries)
            {
                context.Out.WriteLine($"  {entry.Id.PadRight(width)}{entry.Summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
