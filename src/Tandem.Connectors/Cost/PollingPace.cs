namespace Tandem.Connectors.Cost;

/// <summary>
/// How often one side of a connection may be polled, from its app's <see cref="CostModel"/> and what is left of the
/// account's budget, with the reason in words for the dashboard ("Pipedrive daily budget 82 % used — polling every
/// 27 min"). While webhooks are registered, polling is only a safety net (<see cref="CostModel.SafetyNetInterval"/>).
/// With a daily budget, quiet polls and hourly schema reads spend at most <see cref="CostModel.IdleShare"/> of the day's
/// budget, evenly, and at most that share of what is left until the reset; so the pace slows as the budget runs low,
/// and once it is spent the app is not polled again before the reset.
/// </summary>
public sealed record PollingPace(TimeSpan Interval, string Words)
{
    /// <summary>The pace for one side: its app's name as users see it, its budget, and whether its webhooks are registered.</summary>
    public static PollingPace For(string appName, AccountBudget budget, bool webhooks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var model = budget.Model;
        var floor = webhooks ? model.SafetyNetInterval : model.PollInterval;
        if (model.DailyBudget is null || budget.Used is not { } used)
        {
            return new PollingPace(floor, $"{appName}: {Polling(floor, webhooks)}");
        }

        var untilReset = budget.ResetsAt - now;
        var percent = (int)Math.Round(used * 100, MidpointRounding.AwayFromZero);
        var idle = (model.IdleShare * (budget.Left ?? 0)) - (model.SchemaReadCost * Math.Ceiling(untilReset.TotalHours));
        if (idle < model.QuietPollCost)
        {
            var wait = untilReset < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : untilReset;
            return new PollingPace(wait, $"{appName} daily budget {percent} % used — not polling until it resets at {budget.ResetsAt.UtcDateTime:HH:mm} UTC");
        }

        // The day's pace spends the idle share of a whole budget evenly; what is left paces only when it is lower, so an
        // unspent budget never makes the end of the day poll faster.
        var daily = (model.IdleShare * model.DailyBudget.Value) - (model.SchemaReadCost * 24.0);
        var even = daily >= model.QuietPollCost ? TimeSpan.FromSeconds(Math.Ceiling(TimeSpan.FromDays(1).TotalSeconds * model.QuietPollCost / daily)) : TimeSpan.FromDays(1);
        var spread = TimeSpan.FromSeconds(Math.Ceiling(untilReset.TotalSeconds * model.QuietPollCost / idle));
        var slowest = spread > even ? spread : even;
        var interval = slowest > floor ? slowest : floor;
        return new PollingPace(interval, $"{appName} daily budget {percent} % used — {Polling(interval, webhooks)}");
    }

    private static string Polling(TimeSpan interval, bool webhooks)
    {
        var every = interval <= TimeSpan.Zero ? "at the server's interval" : "every " + Spoken(interval);
        return webhooks ? $"changes arrive by webhook, polling {every} as a safety net" : $"polling {every}";
    }

    /// <summary>The slower of two paces (a run polls both sides), with both reasons.</summary>
    public static PollingPace Slower(PollingPace a, PollingPace b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new PollingPace(a.Interval >= b.Interval ? a.Interval : b.Interval, a.Words + "; " + b.Words);
    }

    /// <summary>"10 min", "45 s", "2 h 5 min".</summary>
    public static string Spoken(TimeSpan interval)
    {
        if (interval < TimeSpan.FromMinutes(1))
        {
            return $"{(int)Math.Ceiling(interval.TotalSeconds)} s";
        }

        var minutes = (int)Math.Round(interval.TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }
}
