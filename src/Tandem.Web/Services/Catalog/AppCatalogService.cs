using Microsoft.Extensions.Options;
using Tandem.Connectors.Catalog;
using Tandem.Domain.Configuration;
using Tandem.Web.Hosting;
using Tandem.Web.Sandbox;
using Tandem.Web.Services.Errors;

namespace Tandem.Web.Services.Catalog;

/// <summary>
/// The apps a user can connect, each described by its own connector (settings form, capabilities), so a new
/// connector needs no UI code. The same for every user.
/// </summary>
public sealed class AppCatalogService(ConnectorCatalog catalog, HostedSandboxes sandbox, IOptions<TandemWebOptions> options)
{
    /// <summary>The one contact type every app has; connectors do not declare leads yet.</summary>
    public const string Contacts = "contacts";

    public IReadOnlyList<AppView> List() =>
        catalog.Apps.Where(d => !IsHidden(d.App)).Select(ToView).ToList();

    /// <exception cref="NotFoundException">No such app (or a hidden one).</exception>
    public AppView Get(string app) => ToView(Descriptor(app));

    /// <exception cref="NotFoundException">No such app (or a hidden one).</exception>
    public ConnectorDescriptor Descriptor(string app)
    {
        var descriptor = catalog.Apps.FirstOrDefault(d => string.Equals(d.App, app, StringComparison.OrdinalIgnoreCase));
        return descriptor is null || IsHidden(descriptor.App)
            ? throw new NotFoundException($"No app '{app}'. The apps are: {string.Join(", ", List().Select(a => a.App))}.")
            : descriptor;
    }

    /// <summary>
    /// The name users see for an app an account already uses, hidden or not (an account of a hidden app exists only
    /// when the operator put it there); the key itself for an app the catalogue no longer has.
    /// </summary>
    public string DisplayName(string app) =>
        catalog.Apps.FirstOrDefault(d => string.Equals(d.App, app, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? app;

    private bool IsHidden(string app) => options.Value.HiddenApps.Contains(app, StringComparer.OrdinalIgnoreCase);

    private AppView ToView(ConnectorDescriptor descriptor)
    {
        var preset = sandbox.Find(descriptor.App);
        var capabilities = descriptor.Capabilities;
        return new AppView(
            descriptor.App,
            descriptor.DisplayName,
            descriptor.UsesOAuth,
            descriptor.Settings.Select(s => new SettingFieldView(s.Key, s.Label, s.Help, s.IsSecret, s.IsRequired, preset?.Values.GetValueOrDefault(s.Key)) { HasChoices = s.HasChoices }).ToList(),
            new AppCapabilitiesView(
                [Contacts],
                [.. capabilities.Filters.Append(FilterKind.ExistsInOtherApp).Distinct()],
                capabilities.Actions,
                capabilities.TagContainer,
                capabilities.DetectsDeletions,
                capabilities.DetectsUnsubscribes,
                capabilities.CanUnsubscribe,
                capabilities.CanDelete,
                capabilities.HasWebhooks,
                capabilities.IsReadOnly,
                capabilities.IsWriteOnly),
            preset is not null)
        {
            Vocabulary = descriptor.Vocabulary,
        };
    }
}
