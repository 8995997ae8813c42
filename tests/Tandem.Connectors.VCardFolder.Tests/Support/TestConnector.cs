using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;

namespace Tandem.Connectors.VCardFolder.Tests.Support;

/// <summary>Builds connectors over a test folder, with fake time and a capturing logger.</summary>
internal static class TestConnector
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static VCardFolderConnector For(string path, string? defaultRegion = null, CapturingLoggerFactory? logs = null)
    {
        var values = new Dictionary<string, string> { ["path"] = path };
        if (defaultRegion is not null)
        {
            values["defaultRegion"] = defaultRegion;
        }

        var context = new ConnectorContext(new FixedTimeProvider(Now), logs ?? new CapturingLoggerFactory());
        return (VCardFolderConnector)new VCardFolderConnectorFactory().Create(new AccountSettings(values), context);
    }

    public static async Task<List<ContactRecord>> ListAllRecordsAsync(this IContactConnector connector)
    {
        var records = new List<ContactRecord>();
        await foreach (var page in connector.ListAllAsync(TestContext.Current.CancellationToken))
        {
            records.AddRange(page.Records);
        }

        return records;
    }

    public static async Task<WriteResult> WriteOneAsync(this IContactConnector connector, WriteOperation operation)
    {
        var results = await connector.WriteAsync([operation], TestContext.Current.CancellationToken);
        return Assert.Single(results);
    }
}
