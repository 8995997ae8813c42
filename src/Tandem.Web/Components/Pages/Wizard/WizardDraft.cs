using Tandem.Domain.Configuration;
using Tandem.Domain.Mapping;
using Tandem.Web.Services.Fields;
using Tandem.Web.Services.Catalog;
using Tandem.Web.Services.Connections;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>Everything the wizard has gathered so far; becomes a connection's settings at the end.</summary>
public sealed class WizardDraft
{
    /// <summary>The connection being edited, or null for a new one.</summary>
    public string? EditingId { get; init; }

    public AppView? AppA { get; set; }

    public AppView? AppB { get; set; }

    public string? AccountA { get; set; }

    public string? AccountB { get; set; }

    public AccountSchema? DataA { get; set; }

    public AccountSchema? DataB { get; set; }

    public string ContactType { get; set; } = "contacts";

    public SyncDirection Direction { get; set; } = SyncDirection.TwoWay;

    public Side Winner { get; set; } = Side.A;

    public List<DraftRule> RulesA { get; } = [new()];

    public List<DraftRule> RulesB { get; } = [new()];

    public List<DraftMapping> Mappings { get; } = [];

    public bool AvoidDuplicates { get; set; } = true;

    public bool SyncDeletions { get; set; }

    public bool SyncUnsubscribes { get; set; }

    /// <summary>Also match contacts that share a phone number.</summary>
    public bool MatchPhone { get; set; }

    /// <summary>Side A's field of a custom unique key (with <see cref="MatchFieldB"/>), or null.</summary>
    public string? MatchFieldA { get; set; }

    public string? MatchFieldB { get; set; }

    /// <summary>The key tried first; the others follow in the order email, phone, custom field.</summary>
    public MatchKeyKind MatchFirst { get; set; } = MatchKeyKind.Email;

    /// <summary>The chosen keys in order of precedence.</summary>
    public IReadOnlyList<MatchKeyChoice> MatchOn()
    {
        var keys = new List<MatchKeyChoice> { MatchKeyChoice.Email };
        if (MatchPhone)
        {
            keys.Add(MatchKeyChoice.Phone);
        }

        if (!string.IsNullOrEmpty(MatchFieldA) && !string.IsNullOrEmpty(MatchFieldB))
        {
            keys.Add(new MatchKeyChoice(MatchKeyKind.CustomField) { FieldA = MatchFieldA, FieldB = MatchFieldB });
        }

        return [.. keys.Where(k => k.Kind == MatchFirst), .. keys.Where(k => k.Kind != MatchFirst)];
    }

    public string? Name { get; set; }

    public AppView? AppOf(Side side) => side == Side.A ? AppA : AppB;

    public AccountSchema? DataOf(Side side) => side == Side.A ? DataA : DataB;

    public List<DraftRule> RulesOf(Side side) => side == Side.A ? RulesA : RulesB;

    /// <summary>True when contacts flow out of <paramref name="side"/>: only then do its rules matter.</summary>
    public bool IsSource(Side side) => Direction.Allows(side);

    /// <summary>Fills the default mapping of the two apps once both schemas are read, when no row exists yet.</summary>
    public void EnsureDefaultMappings()
    {
        if (Mappings.Count > 0 || DataA is null || DataB is null)
        {
            return;
        }

        foreach (var mapping in DefaultMappings.For(DataA.Schema, DataB.Schema))
        {
            var verdict = Compatibility.Directions(mapping, DataA.Schema, DataB.Schema);
            Mappings.Add(DraftMapping.From(mapping with { Direction = verdict.Direction ?? MappingDirection.Both }, isDefault: true));
        }
    }

    public ConnectionSettings ToSettings() => new()
    {
        ContactType = ContactType,
        Direction = Direction,
        WinningSide = Winner,
        RulesA = IsSource(Side.A) ? RulesA.Select(r => r.ToRule()).ToList() : [Rule.Everything],
        RulesB = IsSource(Side.B) ? RulesB.Select(r => r.ToRule()).ToList() : [Rule.Everything],
        Mappings = Mappings.Select(m => m.ToMapping()).ToList(),
        Options = new SyncOptions { AvoidDuplicates = AvoidDuplicates, SyncDeletions = SyncDeletions, SyncUnsubscribes = SyncUnsubscribes },
        MatchOn = MatchOn(),
    };

    /// <summary>The choices as the connection service takes them.</summary>
    public ConnectionDraft ToServiceDraft()
    {
        var settings = ToSettings();
        return new ConnectionDraft(Name, AccountA!, AccountB!)
        {
            ContactType = settings.ContactType,
            Direction = settings.Direction,
            WinningSide = settings.WinningSide,
            RulesA = settings.RulesA,
            RulesB = settings.RulesB,
            Mappings = settings.Mappings,
            Options = settings.Options,
            MatchOn = settings.MatchOn,
        };
    }

    /// <summary>A draft that edits a connection.</summary>
    public static WizardDraft From(ConnectionView connection, AppView appA, AppView appB)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var draft = new WizardDraft
        {
            EditingId = connection.Id,
            AppA = appA,
            AppB = appB,
            AccountA = connection.A.Id,
            AccountB = connection.B.Id,
            Name = connection.Name,
        };
        draft.Apply(connection.Settings, defaults: []);
        return draft;
    }

    /// <summary>The choices to keep in the browser while the user is on <paramref name="step"/> of a new connection.</summary>
    public KeptDraft ToKept(string userId, WizardStep step, DateTimeOffset now) =>
        new(userId, AppA?.App, AppB?.App, AccountA, AccountB, step, DataA is null || DataB is null ? null : ConnectionSettingsJson.Serialize(ToSettings()), Name, now);

    /// <summary>
    /// A new connection's draft from what the browser kept. The accounts' schemas must already be read when settings
    /// were kept (<see cref="DataA"/>, <see cref="DataB"/>): they tell the default rows of the mapping from the user's own.
    /// </summary>
    public static WizardDraft FromKept(KeptDraft kept, AppView? appA, AppView? appB, AccountSchema? dataA, AccountSchema? dataB)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var draft = new WizardDraft
        {
            AppA = appA,
            AppB = appB,
            AccountA = kept.AccountA,
            AccountB = kept.AccountB,
            DataA = dataA,
            DataB = dataB,
            Name = kept.Name,
        };
        if (kept.SettingsJson is { } json && dataA is not null && dataB is not null)
        {
            var defaults = DefaultMappings.For(dataA.Schema, dataB.Schema).Select(m => (m.AField, m.BField)).ToHashSet();
            draft.Apply(ConnectionSettingsJson.Deserialize(json), defaults);
        }

        return draft;
    }

    private void Apply(ConnectionSettings settings, HashSet<(string AField, string BField)> defaults)
    {
        ContactType = settings.ContactType;
        Direction = settings.Direction;
        Winner = settings.WinningSide;
        AvoidDuplicates = settings.Options.AvoidDuplicates;
        SyncDeletions = settings.Options.SyncDeletions;
        SyncUnsubscribes = settings.Options.SyncUnsubscribes;
        MatchPhone = settings.MatchOn.Any(k => k.Kind == MatchKeyKind.Phone);
        MatchFieldA = settings.MatchOn.FirstOrDefault(k => k.Kind == MatchKeyKind.CustomField)?.FieldA;
        MatchFieldB = settings.MatchOn.FirstOrDefault(k => k.Kind == MatchKeyKind.CustomField)?.FieldB;
        MatchFirst = settings.MatchOn.Count > 0 ? settings.MatchOn[0].Kind : MatchKeyKind.Email;
        RulesA.Clear();
        RulesA.AddRange(settings.RulesA.Select(DraftRule.From));
        RulesB.Clear();
        RulesB.AddRange(settings.RulesB.Select(DraftRule.From));
        Mappings.Clear();
        Mappings.AddRange(settings.Mappings.Select(m => DraftMapping.From(m, isDefault: defaults.Contains((m.AField, m.BField)))));
    }
}
