namespace Tandem.Sandbox.Kit.OAuth;

/// <summary>How a vendor's token endpoint takes the client's id and secret.</summary>
internal enum ClientAuthentication
{
    /// <summary>HTTP Basic only (Pipedrive).</summary>
    Basic,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body only (Mailchimp).</summary>
    FormBody,

    /// <summary>Either (Google: Basic when given, else the form body).</summary>
    BasicOrFormBody,
}
