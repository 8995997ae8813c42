using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>
/// Keeps the wizard's draft in the browser's local storage, encrypted by the server's data protection keys. Reads and
/// writes need the live circuit (call them from OnAfterRender or an event); a draft that cannot be read (keys renewed,
/// storage cleared) is simply not there.
/// </summary>
public sealed class DraftKeeper(ProtectedLocalStorage storage)
{
    private const string Key = "tandem.connection-draft";

    public async Task<KeptDraft?> ReadAsync(string userId)
    {
        try
        {
            var read = await storage.GetAsync<KeptDraft>(Key);
            return read.Success && read.Value is { } kept && kept.UserId == userId ? kept : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JSException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task KeepAsync(KeptDraft draft)
    {
        try
        {
            await storage.SetAsync(Key, draft);
        }
        catch (JSException)
        {
            // Storage refused (full, or switched off): the wizard goes on, only leaving it would lose the choices.
        }
    }

    public async Task ForgetAsync()
    {
        try
        {
            await storage.DeleteAsync(Key);
        }
        catch (JSException)
        {
        }
    }
}
