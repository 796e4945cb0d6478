using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sitrep.Tests.Worker;

/// <summary>
/// A throwaway nats-server with JetStream on a free loopback port, its storage in a temporary folder, killed and deleted
/// on dispose. Without the binary (Debian package <c>nats-server</c>) the test is skipped with that reason; in CI
/// (<c>CI=true</c>) or with <c>SITREP_REQUIRE_NATS=1</c> it fails instead, since .ci/run installs it.
/// </summary>
internal sealed class NatsTestServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NatsTestServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = $"nats://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static NatsTestServer StartOrSkip()
    {
        string? binary = Find();
        if (binary is null)
        {
            const string reason = "nats-server is not installed (Debian package nats-server)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                || Environment.GetEnvironmentVariable("SITREP_REQUIRE_NATS") == "1")
            {
                Assert.Fail($"{reason}, but CI or SITREP_REQUIRE_NATS=1 requires the worker tests: .ci/nats installs it");
            }

            Assert.Skip($"{reason}: NATS worker test skipped");
        }

        string directory = Directory.CreateTempSubdirectory("sitrep-nats-").FullName;
        int port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", Path.Combine(directory, "jetstream") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NatsTestServer(process, directory, port);
        server.WaitUntilListening(port);
        return server;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Assert.False(_process.HasExited, $"nats-server exited with code {(_process.HasExited ? _process.ExitCode : 0)}");
                Thread.Sleep(50);
            }
        }

        Assert.Fail($"nats-server did not listen on port {port} within 15 s");
    }

    private static string? Find()
    {
        string[] folders = [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator), "/usr/sbin", "/usr/bin"];
        return folders.Where(f => f.Length > 0).Select(f => Path.Combine(f, "nats-server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
