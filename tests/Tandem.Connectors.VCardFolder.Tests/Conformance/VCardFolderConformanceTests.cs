using System.Text.RegularExpressions;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.VCardFolder.Tests.Support;

namespace Tandem.Connectors.VCardFolder.Tests.Conformance;

/// <summary>
/// The shared connector suite on a folder of cards: a user edits and deletes files as khard or vdirsyncer would.
/// A folder's answers cannot be scripted, so the fault cases are skipped; its changes are found by version listings.
/// </summary>
public sealed partial class VCardFolderConformanceTests : ConnectorConformanceTests
{
    // More than one listing page (500 cards a page).
    private const int Seeded = 520;

    private readonly TempFolder folder = new();

    protected override int SeededContacts => Seeded;

    protected override bool CanInjectFaults => false;

    public override ValueTask InitializeAsync()
    {
        for (var i = 0; i < Seeded; i++)
        {
            folder.Write($"person-{i:000}.vcf", $"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:person-{i}\r\nFN:Person{i} Folder\r\nN:Folder;Person{i};;;\r\nEMAIL;TYPE=work:person{i}@example.com\r\nTITLE:Tester\r\nEND:VCARD\r\n");
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override IContactConnector Connect() => TestConnector.For(folder.Path);

    // A user's editor rewrites the card with its note changed.
    protected override void EditInApp(string recordId, string note)
    {
        var text = folder.Read(recordId);
        text = NoteLine().Replace(text, string.Empty);
        folder.Write(recordId, text.Replace("END:VCARD", $"NOTE:{note}\r\nEND:VCARD", StringComparison.Ordinal));
    }

    protected override void DeleteInApp(string recordId) => File.Delete(folder.File(recordId));

    [GeneratedRegex(@"^NOTE[;:][^\r\n]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex NoteLine();
}
