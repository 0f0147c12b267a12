using Augur.Cli;

return AugurCommandLine.Run(args, Console.Out, Console.Error);
