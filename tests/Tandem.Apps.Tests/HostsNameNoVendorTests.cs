using System.Text.RegularExpressions;

namespace Tandem.Apps.Tests;

/// <summary>
/// The hosts (web server, runtime, CLI) never name a vendor: everything about an app lives in its connector's project,
/// its sandbox's folder and its one line in <see cref="AppCatalog"/>.
/// </summary>
public sealed class HostsNameNoVendorTests
{
    private static readonly string[] Hosts = ["src/Tandem.Web", "src/Tandem.Runtime", "src/Tandem.Cli"];

    // Open standards any server speaks, and Tandem's own test app: not vendors. The demo and the set-up file name them.
    private static readonly string[] NotVendors = ["CardDAV", "vCard", "In-memory"];

    /// <summary>Each app's vendor: the first word of its name ("Google" of "Google Contacts"), and its key.</summary>
    private static IReadOnlyList<string> Vendors() =>
        AppCatalog.Create().Connectors.Apps
            .Where(a => !NotVendors.Any(n => a.DisplayName.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(a => new[] { a.DisplayName.Split(' ')[0], a.App })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [Fact]
    public void The_vendors_are_read_from_the_catalogue()
    {
        Assert.Equal(["Google", "HubSpot", "Mailchimp", "Pipedrive", "Pipeliner", "Salesmate", "Woodpecker", "Wooxy", "Workbooks", "google-contacts"], Vendors().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_source_file_of_the_web_server_the_runtime_or_the_CLI_names_a_vendor()
    {
        var vendors = Vendors();
        var naming = Hosts.SelectMany(Repository.Files)
            .Select(f => (File: f, Vendor: vendors.FirstOrDefault(v => File.ReadAllText(Path.Combine(Repository.Root, f)).Contains(v, StringComparison.OrdinalIgnoreCase))))
            .Where(f => f.Vendor is not null)
            .Select(f => $"{f.File} names {f.Vendor}")
            .ToList();

        Assert.True(naming.Count == 0, "Move what these know into the connector, its sandbox or AppCatalog:\n" + string.Join("\n", naming));
    }

    [Fact]
    public void No_source_file_switches_over_app_keys()
    {
        var keys = AppCatalog.Create().Connectors.Apps.Select(a => Regex.Escape(a.App)).ToList();
        var arm = new Regex($"""(case\s+"({string.Join('|', keys)})"|"({string.Join('|', keys)})"\s*(=>|when\b))""");
        var switching = Repository.Files("src")
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => arm.IsMatch(File.ReadAllText(Path.Combine(Repository.Root, f))))
            .ToList();

        Assert.True(switching.Count == 0, "A switch over app keys; let each app's module answer instead:\n" + string.Join("\n", switching));
    }

    [Fact]
    public void Every_connector_project_is_an_app_of_the_catalogue()
    {
        var projects = Directory.EnumerateDirectories(Path.Combine(Repository.Root, "src"))
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Tandem.Connectors.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var registered = AppCatalog.Create().Modules.Select(m => m.Connector.GetType().Assembly.GetName().Name).Order(StringComparer.Ordinal);

        Assert.Equal(projects, registered);
    }
}
