using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Mappings;

/// <summary>Variable matching for two accounts before a connection exists (the wizard, or a program).</summary>
/// <param name="AccountA">Side A's account.</param>
/// <param name="AccountB">Side B's account.</param>
/// <param name="Direction">The one-way direction: <c>AToB</c> or <c>BToA</c>.</param>
/// <param name="Choices">The matches to check; null starts from the default mapping of the two apps.</param>
public sealed record VariableMatchingRequest(string AccountA, string AccountB, SyncDirection Direction, IReadOnlyList<VariableMatchingChoice>? Choices);
