using System.Text.Json.Nodes;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Sandbox.Tests.Specs;

public sealed class DiscoveryValidatorTests
{
    [Fact]
    public void An_undeclared_property_and_a_wrong_type_are_violations()
    {
        var validator = new DiscoveryValidator();
        var person = JsonNode.Parse("""{"resourceName":"people/c1","names":[{"givenName":3}],"shoeSize":42}""")!.AsObject();

        validator.Observe(new GoogleExchange("GET", "people/c1", null, person));

        Assert.Equal(2, validator.Violations.Count);
        Assert.Contains(validator.Violations, v => v.Contains("shoeSize", StringComparison.Ordinal));
        Assert.Contains(validator.Violations, v => v.Contains("givenName", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_demo_contact_of_the_sandbox_matches_the_Person_schema()
    {
        var validator = new DiscoveryValidator();
        var sandbox = new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 100 });

        foreach (var name in sandbox.ResourceNames())
        {
            validator.Check(sandbox.Person(name), DiscoveryValidator.Ref("Person"), name);
        }

        Assert.Empty(validator.Violations);
    }
}
