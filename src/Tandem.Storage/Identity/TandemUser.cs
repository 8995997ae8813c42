using Microsoft.AspNetCore.Identity;

namespace Tandem.Storage.Identity;

/// <summary>A person who signs in to Tandem. Its id is the owner id of its accounts and connections.</summary>
public sealed class TandemUser : IdentityUser
{
}
