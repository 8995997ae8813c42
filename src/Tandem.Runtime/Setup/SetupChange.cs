namespace Tandem.Runtime.Setup;

/// <summary>What applying a set-up file did to one account or connection.</summary>
public enum SetupChange
{
    Unchanged,
    Created,
    Updated,
}
