using Tandem.Runtime.Hosting;

namespace Tandem.Web.Hosting;

/// <summary>
/// Holds the runtime, which is opened (database migrated, key read) after the container is built so it can
/// log through the host's logging; services receive it from here.
/// </summary>
internal sealed class RuntimeHolder
{
    private TandemRuntime? runtime;

    public TandemRuntime Runtime => runtime ?? throw new InvalidOperationException("The Tandem runtime is not open yet.");

    /// <summary>True once the runtime is open (the database migrated).</summary>
    public bool IsOpen => runtime is not null;

    public void Set(TandemRuntime opened) => runtime = opened;
}
