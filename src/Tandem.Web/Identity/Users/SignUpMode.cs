namespace Tandem.Web.Identity.Users;

/// <summary>Who may sign up (<c>Tandem:SignUp</c>). Either way the first user to sign up becomes the administrator.</summary>
public enum SignUpMode
{
    /// <summary>After the first user, only people holding an invitation link from the administrator.</summary>
    Invitation,

    /// <summary>Anyone who can reach the server (the sandbox demo of the README's first command).</summary>
    Open,
}
