using Microsoft.Extensions.Options;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Running;
using Tandem.Web.Hosting;
using Tandem.Web.Logging;
using Tandem.Web.Services.Connections;

namespace Tandem.Web.Workers;

/// <summary>
/// The sync workers of the one process (PRODUCT.md §7): a <see cref="WatchLoop"/> for every connection that
/// is not paused, started and stopped as connections come and go, plus the runs asked for through
/// <see cref="RunRequests"/>. The runner's per-connection lock keeps one run per connection at a time.
/// </summary>
public sealed class SyncWorkers(
    TandemRuntime runtime,
    RunRequests requests,
    RetryBoard retries,
    IOptions<TandemWebOptions> options,
    TimeProvider time,
    ILogger<SyncWorkers> logger) : BackgroundService
{
    /// <summary>How often the list of connections is read to start and stop loops.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Loop)> loops = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Stops watching a connection and waits for its loop to end (before the connection is removed).</summary>
    public async Task StopWatchingAsync(string connectionId)
    {
        (CancellationTokenSource Stop, Task Loop) loop;
        lock (gate)
        {
            if (!loops.Remove(connectionId, out loop))
            {
                return;
            }
        }

        await StopAsync(connectionId, loop);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var serving = ServeRequestsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
                await Task.Delay(ReconcileInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                WebLog.ReconcileFailed(logger, ex);
                await Task.Delay(ReconcileInterval, time, CancellationToken.None);
            }
        }

        await serving;
        List<(string Id, (CancellationTokenSource Stop, Task Loop) Loop)> all;
        lock (gate)
        {
            all = loops.Select(l => (l.Key, l.Value)).ToList();
            loops.Clear();
        }

        await Task.WhenAll(all.Select(l => StopAsync(l.Id, l.Loop)));
    }

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        var connections = await runtime.Connections.ListAsync(stoppingToken);
        foreach (var left in connections.Where(c => DraftPreviews.IsPreview(c) && c.CreatedAt < runtime.Time.GetUtcNow() - DraftPreviews.LeftBehindAfter))
        {
            await runtime.Connections.RemoveAsync(left.Id, stoppingToken);
        }

        var wanted = connections.Where(c => c.State != ConnectionState.Paused).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var stopping = new List<(string, (CancellationTokenSource, Task))>();
        lock (gate)
        {
            foreach (var id in loops.Keys.Where(id => !wanted.Contains(id)).ToList())
            {
                loops.Remove(id, out var loop);
                stopping.Add((id, loop));
            }

            foreach (var id in wanted.Where(id => !loops.ContainsKey(id)))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var loopOptions = new WatchLoopOptions
                {
                    Interval = TimeSpan.FromSeconds(options.Value.WatchIntervalSeconds),
                    MaxBackoff = TimeSpan.FromSeconds(Math.Max(options.Value.WatchIntervalSeconds, 30 * 60)),
                };
                var watched = id;
                var paced = options.Value.PaceByCostModel;
                var watch = new WatchLoop(runtime.Runner, id, loopOptions, runtime.Time, runtime.LoggerFactory.CreateLogger<WatchLoop>())
                {
                    RunFinished = (result, _) =>
                    {
                        retries.RunFinished(result);
                        return Task.CompletedTask;
                    },
                    Waiting = delay => retries.Waiting(watched, delay),
                    Pace = paced ? async ct => (await runtime.Pacing.PaceAsync(watched, ct))?.Interval : null,
                };
                loops[id] = (stop, Task.Run(() => watch.RunAsync(new RunOptions(), stop.Token), CancellationToken.None));
                WebLog.WatchStarted(logger, id);
            }
        }

        foreach (var (id, loop) in stopping)
        {
            await StopAsync(id, loop);
        }
    }

    private async Task ServeRequestsAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            string id;
            try
            {
                id = await requests.NextAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            running.RemoveAll(t => t.IsCompleted);
            running.Add(Task.Run(() => RunRequestedAsync(id, stoppingToken), CancellationToken.None));
        }

        await Task.WhenAll(running);
    }

    private async Task RunRequestedAsync(string connectionId, CancellationToken stoppingToken)
    {
        try
        {
            await runtime.Runner.RunAsync(connectionId, new RunOptions(), stoppingToken);
        }
        catch (KeyNotFoundException)
        {
            // Removed since the request was made: nothing to run.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            WebLog.RequestedRunThrew(logger, ex, connectionId);
        }
    }

    private async Task StopAsync(string connectionId, (CancellationTokenSource Stop, Task Loop) loop)
    {
        await loop.Stop.CancelAsync();
        try
        {
            await loop.Loop;
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            loop.Stop.Dispose();
            retries.Forget(connectionId);
            WebLog.WatchStopped(logger, connectionId);
        }
    }
}
