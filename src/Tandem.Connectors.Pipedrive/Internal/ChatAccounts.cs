using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// A person's <c>im</c> accounts (openapi-v2.yaml: <c>{value, primary, label}</c>, the example labelling them "skype" and
/// "whatsapp") as the URIs a vCard's IMPP and Google's chat accounts read as: the label is the service, so
/// <c>{skype, "ann.lee"}</c> is <c>skype:ann.lee</c>. Labels Pipedrive offers beyond the example are unverified; the
/// usual URI schemes stand for the services that have one (Jabber and Google Talk xmpp, Yahoo ymsgr, MSN msnim).
/// </summary>
internal static class ChatAccounts
{
    private static readonly (string Label, string Scheme)[] Known =
    [
        ("jabber", "xmpp"), ("google", "xmpp"), ("yahoo", "ymsgr"), ("msn", "msnim"),
    ];

    public static ListValue? Read(JsonObject person)
    {
        var items = ImmutableArray.CreateBuilder<LabelledValue>();
        foreach (var item in Json.Items(person, "im").OrderByDescending(i => i["primary"]?.GetValue<bool>() == true))
        {
            var label = Json.Text(item, "label")?.Trim().ToLowerInvariant();
            var account = Json.Text(item, "value")?.Trim();
            if (string.IsNullOrEmpty(account))
            {
                continue;
            }

            var scheme = Known.FirstOrDefault(k => k.Label == label).Scheme
                ?? (string.IsNullOrEmpty(label) ? "xmpp" : new string(label.Where(char.IsAsciiLetterOrDigit).ToArray()));
            if (Values.Create(FieldType.Url, scheme + ":" + account) is { } uri)
            {
                items.Add(new LabelledValue(label ?? string.Empty, uri));
            }
        }

        return items.Count == 0 ? null : new ListValue(FieldType.Url, items.ToImmutable());
    }

    public static JsonArray Write(FieldValue? value)
    {
        var uris = value switch
        {
            ListValue list => list.Items.Select(i => i.Value.Text).ToList(),
            ScalarValue scalar => [scalar.Text],
            _ => [],
        };
        return new JsonArray(uris.Select((uri, i) =>
        {
            var colon = uri.IndexOf(':', StringComparison.Ordinal);
            var scheme = colon > 0 ? uri[..colon].ToLowerInvariant() : "xmpp";
            var label = Known.FirstOrDefault(k => k.Scheme == scheme).Label ?? scheme;
            return (JsonNode)new JsonObject { ["value"] = colon > 0 ? uri[(colon + 1)..] : uri, ["primary"] = i == 0, ["label"] = label };
        }).ToArray());
    }
}
