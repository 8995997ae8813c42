using System.Globalization;

namespace Tandem.Bench;

/// <summary>
/// The command line: <c>&lt;scenario&gt; [--size N]... [--repeat R]</c>. <c>--size</c> may be repeated (or
/// comma-separated) to choose sizes; without it each scenario uses its documented sizes.
/// </summary>
public sealed record BenchArguments(string Scenario, IReadOnlyList<int> Sizes, int Repeat)
{
    public const string Usage =
        "usage: Tandem.Bench <inmemory|memory|vcard|cli|carddav|apicalls|soak|latency> [--size N[,N...]] [--repeat R]\n" +
        "  inmemory  100,000 + 100,000 contacts between two in-memory apps (first, no-change, 100-change sync)\n" +
        "  memory    peak memory of a first sync at 100,000 vs 1,000,000 synthetic contacts per side\n" +
        "  vcard     vCard folder <-> vCard folder at 2,000 / 10,000 / 20,000 cards, beside vdirsyncer\n" +
        "  cli       the same folders through the tandem command, whole process against vdirsyncer's (medians of 3+ runs)\n" +
        "  carddav   two address books on real Radicale and Xandikos servers (2,000 cards each), beside vdirsyncer\n" +
        "  apicalls  HTTP calls each app sandbox gets for 1 / 100 / 10,000 changed contacts, beside the lower bound\n" +
        "  soak      a day idle on the sandboxes' clocks at the cost models' pace, then 1,000 changes (Pipedrive, Google)\n" +
        "  latency   seconds from a change in an app to the write in the other, runs triggered by its webhooks (Pipedrive, Mailchimp)\n" +
        "  --repeat  how many times each measurement runs (default 2); the best run is the one judged\n" +
        "  --only    run only the part of a scenario with this name (carddav: radicale or xandikos; apicalls: an app key)";

    public static BenchArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        var sizes = new List<int>();
        var repeat = 2;
        string? only = null;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--size" or "--sizes" when i + 1 < args.Count:
                    sizes.AddRange(args[++i].Split(',').Select(s => int.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)));
                    break;
                case "--repeat" when i + 1 < args.Count:
                    repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only" when i + 1 < args.Count:
                    only = args[++i];
                    break;
                default:
                    return null;
            }
        }

        return new BenchArguments(args[0], sizes, Math.Max(1, repeat)) { Only = only };
    }

    /// <summary>The one part of the scenario to run (<c>--only</c>), or null for all of it.</summary>
    public string? Only { get; init; }

    public bool Includes(string part) => Only is null || string.Equals(Only, part, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<int> SizesOr(params int[] defaults) => Sizes.Count > 0 ? Sizes : defaults;
}
