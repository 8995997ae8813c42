namespace Tandem.Connectors.Cost;

/// <summary>
/// What one account (one company's login to an app) has spent of its vendor's daily budget today, as Tandem counts it
/// (<see cref="CostModel.CostOf"/> for every answered call, every connection of the account together), and whether the
/// vendor has said the budget is spent. The day ends at midnight UTC. Thread-safe: a connection's calls run in parallel.
/// </summary>
public sealed class AccountBudget
{
    private readonly TimeProvider time;
    private readonly WindowPacer pacer;
    private readonly Lock gate = new();
    private DateOnly day;
    private long spent;
    private bool spentUp;

    public AccountBudget(string app, string accountId, CostModel model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        App = app;
        AccountId = accountId;
        Model = model;
        this.time = time;
        pacer = new WindowPacer(model.Windows, time);
        day = Today();
    }

    public string App { get; }

    public string AccountId { get; }

    public CostModel Model { get; }

    /// <summary>Units spent since the day began (the whole budget once the vendor said it is spent).</summary>
    public long SpentToday
    {
        get
        {
            lock (gate)
            {
                Roll();
                return spentUp && Model.DailyBudget is { } budget ? Math.Max(spent, budget) : spent;
            }
        }
    }

    /// <summary>Units left today, or null when the vendor publishes no daily budget.</summary>
    public long? Left => Model.DailyBudget is { } budget ? Math.Max(0, budget - SpentToday) : null;

    /// <summary>The share of the daily budget used (0 to 1), or null when there is none.</summary>
    public double? Used => Model.DailyBudget is { } budget and > 0 ? Math.Min(1, (double)SpentToday / budget) : null;

    /// <summary>When the budget is next whole again (the next midnight UTC).</summary>
    public DateTimeOffset ResetsAt
    {
        get
        {
            lock (gate)
            {
                Roll();
                return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
        }
    }

    /// <summary>
    /// Whether calls wait for room in the app's <see cref="CostModel.Windows"/> (<see cref="AccountBudgets.PaceRequests"/>).
    /// </summary>
    public bool PacesRequests { get; init; }

    /// <summary>
    /// Waits, when <see cref="PacesRequests"/>, until a call (its method and path) fits every short rate limit of the app
    /// that it counts against, counting it for the account's other connections too.
    /// </summary>
    public ValueTask WaitForRoomAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        PacesRequests ? pacer.WaitTurnAsync(method, path, cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Counts one answered call's cost.</summary>
    public void Spend(long cost)
    {
        lock (gate)
        {
            Roll();
            spent += cost;
        }
    }

    /// <summary>The vendor said the day's budget is spent (its other integrations may have spent it): used up until the reset.</summary>
    public void MarkSpent()
    {
        lock (gate)
        {
            Roll();
            spentUp = true;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private void Roll()
    {
        var today = Today();
        if (today != day)
        {
            (day, spent, spentUp) = (today, 0, false);
        }
    }
}
