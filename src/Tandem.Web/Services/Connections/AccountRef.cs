namespace Tandem.Web.Services.Connections;

/// <summary>One side of a connection: its account, by id, name and app.</summary>
public sealed record AccountRef(string Id, string Name, string App);
