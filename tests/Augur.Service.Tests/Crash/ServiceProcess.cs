using System.Diagnostics;

namespace Augur.Service.Tests.Crash;

/// <summary>
/// 'augur serve' as a process of its own (the augur.dll built beside the tests), listening on a free loopback
/// port that it reports on stderr; <see cref="Kill"/> sends SIGKILL, as a crash would.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => this.process = process;

    public Uri BaseAddress => listening.Task.Result;

    public static async Task<ServiceProcess> StartAsync(string dataDirectory, params string[] options)
    {
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "augur.dll"), "serve", "--data", dataDirectory, "--urls", "http://127.0.0.1:0", .. options])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var service = new ServiceProcess(Process.Start(start)!);
        service.process.ErrorDataReceived += (_, line) => service.Read(line.Data);
        service.process.OutputDataReceived += (_, _) => { };
        service.process.BeginErrorReadLine();
        service.process.BeginOutputReadLine();
        var exited = service.process.WaitForExitAsync();
        var ready = await Task.WhenAny(service.listening.Task, exited, Task.Delay(Api.TestService.HangGuard));
        if (ready == exited)
        {
            throw new InvalidOperationException($"augur serve exited with {service.process.ExitCode} before listening.");
        }

        if (ready != service.listening.Task)
        {
            // A hang guard: fail with a reason instead of waiting until the test host is killed.
            service.Dispose();
            throw new TimeoutException($"augur serve did not listen within {Api.TestService.HangGuard.TotalMinutes} minutes.");
        }

        return service;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private void Read(string? line)
    {
        const string Marker = "listening on ";
        if (line is not null && line.Contains(Marker, StringComparison.Ordinal))
        {
            var address = line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Split(' ', ',')[0];
            listening.TrySetResult(new Uri(address));
        }
    }
}
