using Tandem.Domain.Configuration;

namespace Tandem.Web.Api;

/// <summary>Mapping rows to check against two accounts; empty checks the default rows.</summary>
public sealed record MappingCheckRequest(string AccountA, string AccountB, IReadOnlyList<FieldMapping>? Mappings);
