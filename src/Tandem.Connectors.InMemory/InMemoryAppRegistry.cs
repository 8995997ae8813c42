using System.Collections.Concurrent;

namespace Tandem.Connectors.InMemory;

/// <summary>
/// Named in-memory apps that accounts can point at (the "app" setting of
/// <see cref="InMemoryConnectorFactory"/>). The CLI seeds demo apps into <see cref="Shared"/>; tests
/// pass their own registry to stay isolated.
/// </summary>
public sealed class InMemoryAppRegistry
{
    private readonly ConcurrentDictionary<string, InMemoryApp> apps = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The process-wide registry used by a factory built without one.</summary>
    public static InMemoryAppRegistry Shared { get; } = new();

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => apps.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Registers an app under its <see cref="InMemoryApp.Name"/>; throws when the name is taken.</summary>
    public InMemoryApp Add(InMemoryApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return apps.TryAdd(app.Name, app)
            ? app
            : throw new ArgumentException($"An in-memory app named '{app.Name}' is already registered.", nameof(app));
    }

    /// <summary>The app with this name, created from <paramref name="options"/> (its name set to <paramref name="name"/>) when missing.</summary>
    public InMemoryApp GetOrAdd(string name, InMemoryAppOptions? options = null) =>
        apps.GetOrAdd(name, static (n, o) => new InMemoryApp((o ?? new InMemoryAppOptions()) with { Name = n }), options);

    public InMemoryApp? Find(string name) => apps.GetValueOrDefault(name);

    public bool Remove(string name) => apps.TryRemove(name, out _);
}
