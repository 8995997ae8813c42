using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>Another app's email and phone labels are mapped to Pipedrive's own (work, home, mobile, other), never passed through.</summary>
public sealed class PipedriveContactLabelTests : IAsyncLifetime
{
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox = new(new PipedriveSandboxOptions { SeedPersons = 2 });
    private SandboxHost? host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task Labels_from_another_app_become_pipedrive_s_work_home_mobile_or_other()
    {
        await using var connector = new PipedriveConnectorFactory(TestRetries.Fast).Create(
            new AccountSettings(new Dictionary<string, string> { ["apiToken"] = sandbox.Options.ApiToken, ["baseUrl"] = host!.BaseUri.ToString() }),
            new ConnectorContext(TimeProvider.System, NullLoggerFactory.Instance).Allowing(host.BaseUri));
        var id = sandbox.PersonIds()[0];
        var person = Assert.Single(await connector.GetAsync([id.ToString(CultureInfo.InvariantCulture)], Ct));
        var phones = new ListValue(FieldType.Phone, [new LabelledValue("Cell", Values.Phone("+32 470 11 22 33")), new LabelledValue("Main", Values.Phone("+32 2 555 01 01")), new LabelledValue("Fax", Values.Phone("+32 2 555 01 02"))]);
        var emails = new ListValue(FieldType.Email, [new LabelledValue("Personal", Values.Email("rita@example.com")), new LabelledValue("iCloud", Values.Email("rita@icloud.example.com"))]);

        var written = Assert.Single(await connector.WriteAsync(
            [new UpdateOperation("u-labels", person.Id, person.Version) { Changes = [new FieldChange(StandardFieldKeys.Phones, phones), new FieldChange(StandardFieldKeys.Emails, emails)] }], Ct));

        Assert.True(written.Succeeded, written.Reason);
        var stored = sandbox.Person(id)!;
        Assert.Equal(["mobile", "work", "other"], stored["phones"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()));
        Assert.Equal(["home", "other"], stored["emails"]!.AsArray().Select(e => e!["label"]!.GetValue<string>()));
    }
}
