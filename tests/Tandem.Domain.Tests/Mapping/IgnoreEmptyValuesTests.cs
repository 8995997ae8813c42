using Tandem.Domain.Configuration;
using Tandem.Domain.Mapping;
using static Tandem.Domain.Tests.TestSchemas;

namespace Tandem.Domain.Tests.Mapping;

/// <summary>"Ignore empty values" on one mapping row (PRODUCT.md §5, variable matching).</summary>
public sealed class IgnoreEmptyValuesTests
{
    [Fact]
    public void A_row_asked_to_ignore_empty_values_is_compiled_with_the_flag_and_its_neighbours_without()
    {
        var compiled = MappingCompiler.Compile(
            [new FieldMapping("org", "company") { Direction = MappingDirection.AToB, IgnoreEmptyValues = true }, new FieldMapping("age", "text")],
            Crm,
            Book);

        Assert.Equal([true, false], compiled.Mapping.Rows.Select(r => r.IgnoresEmpty));
    }

    [Fact]
    public void The_flag_survives_the_stored_settings_and_is_off_when_absent()
    {
        var settings = new ConnectionSettings
        {
            Direction = SyncDirection.AToB,
            Mappings = [new FieldMapping("org", "company") { IgnoreEmptyValues = true }, new FieldMapping("age", "text")],
        };

        var read = ConnectionSettingsJson.Deserialize(ConnectionSettingsJson.Serialize(settings));

        Assert.Equal([true, false], read.Mappings.Select(m => m.IgnoreEmptyValues));
    }
}
