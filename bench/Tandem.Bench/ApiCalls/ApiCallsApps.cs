using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.HubSpot;
using Tandem.Connectors.Http;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Salesmate;
using Tandem.Connectors.Woodpecker;
using Tandem.Connectors.Wooxy;
using Tandem.Sandbox.GoogleContacts;
using Tandem.Sandbox.HubSpot;
using Tandem.Sandbox.Mailchimp;
using Tandem.Sandbox.Pipedrive;
using Tandem.Sandbox.Salesmate;
using Tandem.Sandbox.Woodpecker;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Bench.ApiCalls;

/// <summary>The app sandboxes the <c>apicalls</c> scenario measures; one entry each.</summary>
public static class ApiCallsApps
{
    private static readonly RetryOptions Retry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>The sandbox runs on 127.0.0.1: allowed by its exact address, nothing else internal.</summary>
    private static ConnectorContext Context(TimeProvider time, Uri sandbox) => new ConnectorContext(time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(sandbox);

    public static IReadOnlyList<ApiCallsApp> All { get; } =
    [
        new("google-contacts",
            time => new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 0, RequestsPerMinute = 0 }, time),
            (app, url, time) =>
            {
                var google = (GoogleContactsSandbox)app;
                return new GoogleContactsConnectorFactory(Retry).Create(new AccountSettings(new Dictionary<string, string>
                {
                    ["clientId"] = google.Options.ClientId,
                    ["clientSecret"] = google.Options.ClientSecret,
                    ["refreshToken"] = google.Options.DemoRefreshToken,
                    ["baseUrl"] = url.ToString(),
                    ["tokenUrl"] = new Uri(url, "token").ToString(),
                }), Context(time, url));
            },
            200,
            1000,
            path => path.StartsWith("/v1/", StringComparison.Ordinal),
            exchange => exchange.Query.Any(q => q.Key == "personFields" && q.Value == "userDefined"),
            (app, count, marker) =>
            {
                var google = (GoogleContactsSandbox)app;
                foreach (var (name, i) in google.ResourceNames().Take(count).Select((n, i) => (n, i)))
                {
                    google.EditContact(name, p => p["organizations"] = new JsonArray(new JsonObject { ["title"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) }));
                }
            }),
        new("pipedrive",
            time => new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = 0, BurstLimit = 0 }, time),
            (app, url, time) => new PipedriveConnectorFactory(Retry).Create(
                new AccountSettings(new Dictionary<string, string> { ["apiToken"] = ((PipedriveSandbox)app).Options.ApiToken, ["baseUrl"] = url.ToString() }),
                Context(time, url)),
            1,
            500,
            path => path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/v1/", StringComparison.Ordinal),
            exchange => exchange.Path.EndsWith("/personFields", StringComparison.Ordinal),
            (app, count, marker) =>
            {
                var pipedrive = (PipedriveSandbox)app;
                foreach (var (id, i) in pipedrive.PersonIds().Take(count).Select((n, i) => (n, i)))
                {
                    pipedrive.EditPerson(id, new JsonObject { ["job_title"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            }),
        new("mailchimp",
            time => new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 0, MaxConnections = 0 }, time),
            (app, url, time) => new MailchimpConnectorFactory(Retry).Create(new AccountSettings(new Dictionary<string, string>
            {
                ["apiKey"] = ((MailchimpSandbox)app).Options.ApiKey,
                ["audienceId"] = MailchimpSandbox.NewsletterAudienceId,
                ["baseUrl"] = url.ToString(),
            }), Context(time, url)),
            500,
            1000,
            path => path.StartsWith("/3.0/", StringComparison.Ordinal),
            exchange => exchange.Path.EndsWith("/merge-fields", StringComparison.Ordinal),
            (app, count, marker) =>
            {
                var mailchimp = (MailchimpSandbox)app;
                foreach (var (email, i) in mailchimp.MemberEmails(MailchimpSandbox.NewsletterAudienceId).Take(count).Select((e, i) => (e, i)))
                {
                    mailchimp.EditMember(MailchimpSandbox.NewsletterAudienceId, email, new JsonObject { ["merge_fields"] = new JsonObject { ["TITLE"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) } });
                }
            }),
        new("pipeliner",
            time => new Tandem.Sandbox.Pipeliner.PipelinerSandbox(new Tandem.Sandbox.Pipeliner.PipelinerSandboxOptions { SeedContacts = 0 }, time),
            (app, url, time) => new Tandem.Connectors.Pipeliner.PipelinerConnectorFactory(Retry).Create(new AccountSettings(new Dictionary<string, string>
            {
                ["apiToken"] = ((Tandem.Sandbox.Pipeliner.PipelinerSandbox)app).Options.ApiToken,
                ["apiPassword"] = ((Tandem.Sandbox.Pipeliner.PipelinerSandbox)app).Options.ApiPassword,
                ["spaceId"] = ((Tandem.Sandbox.Pipeliner.PipelinerSandbox)app).Options.SpaceId,
                ["serviceUrl"] = url.ToString(),
                ["ownerId"] = Tandem.Sandbox.Pipeliner.PipelinerSandbox.Clients[0].Id,
            }), Context(time, url)),
            100,
            100,
            path => path.StartsWith("/api/v100/", StringComparison.Ordinal),
            // The space's directory (fields, users, sales units) is what the connector reads with the schema.
            exchange => exchange.Path.EndsWith("/Fields", StringComparison.Ordinal) || exchange.Path.EndsWith("/Clients", StringComparison.Ordinal) || exchange.Path.EndsWith("/SalesUnits", StringComparison.Ordinal),
            (app, count, marker) =>
            {
                var pipeliner = (Tandem.Sandbox.Pipeliner.PipelinerSandbox)app;
                foreach (var (id, i) in pipeliner.ContactIds().Take(count).Select((n, i) => (n, i)))
                {
                    pipeliner.EditContact(id, new JsonObject { ["position"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            }),
        new("workbooks",
            time => new Tandem.Sandbox.Workbooks.WorkbooksSandbox(new Tandem.Sandbox.Workbooks.WorkbooksSandboxOptions { SeedPeople = 0 }, time),
            (app, url, time) => new Tandem.Connectors.Workbooks.WorkbooksConnectorFactory(Retry).Create(
                new AccountSettings(new Dictionary<string, string> { ["apiKey"] = ((Tandem.Sandbox.Workbooks.WorkbooksSandbox)app).Options.ApiKey, ["baseUrl"] = url.ToString() }),
                Context(time, url)),
            100,
            100,
            path => path.EndsWith(".api", StringComparison.Ordinal) && path != "/login.api",
            exchange => exchange.Path is "/metadata/types.api" or "/picklist_entries.api",
            (app, count, marker) =>
            {
                var workbooks = (Tandem.Sandbox.Workbooks.WorkbooksSandbox)app;
                foreach (var (id, i) in workbooks.PersonIds().Take(count).Select((n, i) => (n, i)))
                {
                    workbooks.EditPerson(id, new JsonObject { ["person_job_title"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            }),
        new("salesmate",
            time => new SalesmateSandbox(new SalesmateSandboxOptions { SeedContacts = 0 }, time),
            (app, url, time) =>
            {
                var salesmate = (SalesmateSandbox)app;
                return new SalesmateConnectorFactory(Retry).Create(new AccountSettings(new Dictionary<string, string>
                {
                    ["linkName"] = salesmate.Options.LinkName,
                    ["accessToken"] = salesmate.Options.SessionKey,
                    ["baseUrl"] = url.ToString(),
                }), Context(time, url));
            },
            1,
            250,
            path => path.StartsWith("/apis/", StringComparison.Ordinal),
            exchange => exchange.Path.EndsWith("/core/v4/fields", StringComparison.Ordinal),
            (app, count, marker) =>
            {
                var salesmate = (SalesmateSandbox)app;
                foreach (var (id, i) in salesmate.ContactIds().Take(count).Select((n, i) => (n, i)))
                {
                    salesmate.EditContact(id, new JsonObject { ["designation"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            },
            exchange => exchange.Path.EndsWith("/search", StringComparison.Ordinal)),
        new("woodpecker",
            time => new WoodpeckerSandbox(new WoodpeckerSandboxOptions { SeedProspects = 0 }, time),
            (app, url, time) => new WoodpeckerConnectorFactory(Retry).Create(
                new AccountSettings(new Dictionary<string, string> { ["apiKey"] = ((WoodpeckerSandbox)app).Options.ApiKey, ["baseUrl"] = url.ToString() }),
                Context(time, url)),
            20_000,
            1000,
            path => path.StartsWith("/rest/", StringComparison.Ordinal),

            // The schema read is the one newest-first page asked for without a page number (its snippet labels).
            exchange => exchange.Path.EndsWith("/prospects", StringComparison.Ordinal) && exchange.Query.All(q => q.Key != "page") && exchange.Query.Any(q => q.Key == "sort"),
            (app, count, marker) =>
            {
                var woodpecker = (WoodpeckerSandbox)app;
                foreach (var (id, i) in woodpecker.ProspectIds().Take(count).Select((n, i) => (n, i)))
                {
                    woodpecker.EditProspect(id, new Dictionary<string, string> { ["title"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            }),
        new("wooxy",
            time => new WooxySandbox(new WooxySandboxOptions { SeedContacts = 0, ProcessingDelay = TimeSpan.FromMilliseconds(50), MaxConcurrentRequests = 0 }, time),
            (app, url, time) => new WooxyConnectorFactory(Retry, settlementPauses: [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(100), 4)]).Create(new AccountSettings(new Dictionary<string, string>
            {
                ["accessToken"] = ((WooxySandbox)app).Options.AccessToken,
                ["domain"] = ((WooxySandbox)app).Options.Domain,
                ["baseUrl"] = url.ToString(),
            }), Context(time, url)),
            100,
            0,
            path => path.StartsWith("/v3/", StringComparison.Ordinal),
            exchange => exchange.Path.StartsWith("/v3/contact-list/", StringComparison.Ordinal),
            (_, _, _) => throw new NotSupportedException("Wooxy is write-only: nobody edits it for Tandem to read."))
        {
            WriteOnly = true,
            IsRead = exchange => exchange.Path is "/v3/request/find" or "/v3/contact/get" || exchange.Path.StartsWith("/v3/contact-list/", StringComparison.Ordinal),
        },
        new("hubspot",
            time => new HubSpotSandbox(new HubSpotSandboxOptions { SeedContacts = 0, BurstLimit = 0, DailyLimit = 0, SearchPerSecond = 0 }, time),
            (app, url, time) => new HubSpotConnectorFactory(Retry).Create(
                new AccountSettings(new Dictionary<string, string> { ["accessToken"] = ((HubSpotSandbox)app).Options.PrivateAppToken, ["baseUrl"] = url.ToString() }),
                Context(time, url)),
            100,
            100,
            path => path.StartsWith("/crm/", StringComparison.Ordinal) || path.StartsWith("/communication-preferences/", StringComparison.Ordinal),
            exchange => exchange.Path.StartsWith("/crm/v3/properties/", StringComparison.Ordinal) || exchange.Path == "/crm/v3/owners",
            (app, count, marker) =>
            {
                var hubspot = (HubSpotSandbox)app;
                foreach (var (id, i) in hubspot.ContactIds().Take(count).Select((n, i) => (n, i)))
                {
                    hubspot.EditContact(id, new Dictionary<string, string> { ["jobtitle"] = marker + " " + i.ToString(CultureInfo.InvariantCulture) });
                }
            })
        {
            // HubSpot reads by POST too: the search, a batch read, the list search and a batch of list memberships.
            IsRead = exchange => exchange.Path is "/crm/v3/objects/contacts/search" or "/crm/v3/objects/contacts/batch/read" or "/crm/v3/lists/search" or "/crm/v3/lists/records/memberships/batch/read",
        },
    ];
}
