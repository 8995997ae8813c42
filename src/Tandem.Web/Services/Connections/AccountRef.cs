namespace Tandem.Web.Services.Connections;

/// <summary>One side of a connection: its account, by id, name and app (key and the name users see).</summary>
public sealed record AccountRef(string Id, string Name, string App, string AppName);
