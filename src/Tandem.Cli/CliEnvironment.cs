using Tandem.Apps;
using Tandem.Connectors.InMemory;

namespace Tandem.Cli;

/// <summary>What the CLI takes from the outside world; tests replace the writers, the clock and the environment.</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where one-line errors go.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The registry in-memory accounts point into.</summary>
    public InMemoryAppRegistry InMemoryApps { get; init; } = InMemoryAppRegistry.Shared;

    /// <summary>The apps of this build (connectors and sandboxes), with in-memory accounts in <see cref="InMemoryApps"/>.</summary>
    public AppCatalog Apps => AppCatalog.Create(InMemoryApps);

    /// <summary>
    /// Asks the person at the terminal for a secret without echoing it; null when there is nobody to ask (input
    /// redirected, as in scripts and tests), so the command says which environment variable to set instead.
    /// </summary>
    public Func<string, string?> PromptSecret { get; init; } = SecretPrompt.Ask;

    /// <summary>False in tests: the console logger writes to the process's stderr, not to <see cref="Error"/>.</summary>
    public bool ConsoleLogging { get; init; } = true;
}
