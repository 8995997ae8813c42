using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.VCardFolder;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>A vCard folder in a temp directory, empty at the start; its user edits cards through the folder connector.</summary>
public sealed class VCardSide : AppSide
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tandem-pair-sync", Guid.NewGuid().ToString("N"));

    public override string App => "vcard-folder";

    public override Task StartAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public override IContactConnector Connect() =>
        new VCardFolderConnectorFactory().Create(new AccountSettings(new Dictionary<string, string> { ["path"] = Folder }), ConnectorContext.Default);

    public override ValueTask DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
