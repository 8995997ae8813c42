using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Web.Logging;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// Tries an account's values against its app at once (PRODUCT.md §3 step 2): reads its schema and the first page
/// of contacts (only the schema of a write-only app), and says why when that fails: wrong key, expired, no permission,
/// unreachable.
/// </summary>
public sealed class AccountTester(ConnectorOpener opener, ILogger<AccountTester> logger)
{
    /// <summary>How long an app may take to answer before the test gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The values the app offers for one setting (<see cref="ISettingChoices"/>), read with the values given so far; the
    /// reason in words when the app cannot be asked.
    /// </summary>
    public async Task<(IReadOnlyList<SettingChoice> Choices, string? Problem)> ChoicesAsync(string app, IReadOnlyDictionary<string, string> values, string settingKey, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(app, values);
            return connector is ISettingChoices choices
                ? (await choices.ListChoicesAsync(settingKey, timeout.Token), null)
                : ([], "This app does not list values to pick from.");
        }
        catch (ConnectorException ex)
        {
            return ([], ex.IsAuthorizationFailure ? $"The app refused the credentials: {ex.Message}" : ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return ([], $"The app could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([], $"The app did not answer within {Timeout.TotalSeconds:0} seconds.");
        }
    }

    public async Task<AccountCheck> TestAsync(string app, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connector = opener.Open(app, values);
            await SettingChoicesCheck.CheckAsync(opener.Descriptor(app), connector, values, timeout.Token);
            await connector.GetSchemaAsync(timeout.Token);
            if (connector.Capabilities.IsWriteOnly)
            {
                // A write-only app lists nothing: reading its fields is the whole test, and no contact count is known.
                return new AccountCheck(true, null, null);
            }

            await foreach (var page in connector.ListAllAsync(timeout.Token))
            {
                return new AccountCheck(true, null, page.Records.Count);
            }

            return new AccountCheck(true, null, 0);
        }
        catch (ConnectorException ex)
        {
            // Connector messages are written to be shown: they never hold secrets or contact data.
            return new AccountCheck(false, ex.IsAuthorizationFailure ? $"The app refused the credentials: {ex.Message}" : ex.Message, null);
        }
        catch (HttpRequestException ex)
        {
            return new AccountCheck(false, $"The app could not be reached: {ex.Message}", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AccountCheck(false, $"The app did not answer within {Timeout.TotalSeconds:0} seconds.", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebLog.AccountTestThrew(logger, app, ex.GetType().Name);
            return new AccountCheck(false, "The app answered in a way Tandem could not read; try again later.", null);
        }
    }
}
