namespace Tandem.Sandbox.Salesmate;

/// <summary>A user of the sandbox account: contacts are owned by one.</summary>
internal sealed record SalesmateUser(int Id, string FirstName, string LastName, string Email)
{
    public string Name => FirstName + " " + LastName;
}
