namespace Tandem.Runtime.Setup;

/// <summary>One account or connection of an applied set-up file.</summary>
/// <param name="Name">Its name in the file.</param>
/// <param name="Id">Its id in the database.</param>
/// <param name="Change">Whether it was created, updated or left as it was.</param>
public sealed record SetupItemResult(string Name, string Id, SetupChange Change);
