using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// The Pipedrive sandbox's fault switches: every sandbox's (<see cref="SandboxFaults"/>), plus the reset a storm's 429s
/// name and the daily token budget. Set from tests or <c>POST /_sandbox/faults</c> (<c>"stormResetSeconds"</c>).
/// </summary>
public sealed class PipedriveSandboxFaults : SandboxFaults
{
    /// <summary>Seconds named in <c>x-ratelimit-reset</c> on a storm's 429s.</summary>
    public int StormResetSeconds { get; set; } = 1;

    /// <summary>
    /// The company's daily token budget (Pipedrive's token-based rate limit; 30,000 on the smallest plan with one seat);
    /// 0 turns it off. Set from <see cref="PipedriveSandboxOptions.DailyTokenBudget"/> and <c>"dailyTokenBudget"</c>.
    /// </summary>
    public long DailyTokenBudget { get; set; }

    /// <summary>Whether the company has the Campaigns app (<c>marketing_status</c>); <c>"marketingApp"</c>.</summary>
    public bool MarketingApp { get; set; } = true;

    public override void Apply(JsonObject switches)
    {
        base.Apply(switches);
        if (switches["marketingApp"]?.GetValue<bool>() is { } marketing)
        {
            MarketingApp = marketing;
        }

        if (switches["dailyTokenBudget"]?.GetValue<long>() is { } budget)
        {
            DailyTokenBudget = budget;
        }

        if (switches["stormResetSeconds"]?.GetValue<int>() is { } seconds)
        {
            StormResetSeconds = seconds;
        }
    }
}
