namespace Tandem.Web.Services.Mappings;

/// <summary>A set of mapping rows checked against both accounts.</summary>
/// <param name="Rows">Each row with its verdict, in the order given.</param>
/// <param name="Problems">Problems of the connection as a whole (an app with no email field to match by).</param>
public sealed record MappingCheck(IReadOnlyList<MappingRowView> Rows, IReadOnlyList<string> Problems)
{
    public bool IsUsable => Problems.Count == 0 && Rows.All(r => r.Refused is null);
}
