using System.CommandLine;
using Augur.Service.Api;
using Augur.Service.Security;

namespace Augur.Cli.Commands;

/// <summary><c>augur token create</c>: a bearer token for the service's API, printed once (only its salted hash is stored).</summary>
public static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "the user the token acts as", Required = true };
        var admin = new Option<bool>("--admin") { Description = "the token sees and cancels every user's jobs" };
        var data = new Option<string>("--data") { Description = "the service's data folder (as given to augur serve)", DefaultValueFactory = _ => "augur-data" };
        var create = new Command("create", "Create a bearer token for a user and print it.") { user, admin, data };
        create.SetAction(parsed =>
        {
            var name = parsed.GetValue(user)!;
            if (!TokenStore.IsValidUser(name))
            {
                throw new CommandLineFailureException(ExitCodes.Usage, $"--user must be 1 to 64 letters, digits, '.', '_' or '-', not '{name}'");
            }

            var folder = Path.GetFullPath(parsed.GetValue(data)!);
            Directory.CreateDirectory(folder);
            var options = new ServiceOptions { DataDirectory = folder, Machine = new(1, 1, 0) };
            var token = new TokenStore(options.StorePath, TimeProvider.System).Create(name, parsed.GetValue(admin));
            context.Out.WriteLine(token);
            context.Error.WriteLine($"token for {name}{(parsed.GetValue(admin) ? " (admin)" : string.Empty)} stored in {options.StorePath}; it is shown only now.");
            return ExitCodes.Ok;
        });
        return new Command("token", "Manage the service's bearer tokens.") { create };
    }
}
