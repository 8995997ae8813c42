using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class ListingBudgetTests
{
    [Fact]
    public void Pages_up_to_the_budget_pass_and_the_next_one_stops_the_listing()
    {
        var budget = new ListingBudget("Pipedrive", new HttpLimits { MaxPagesPerRun = 3 });
        budget.Count(10);
        budget.Count(10);
        budget.Count(10);

        var error = Assert.Throws<ConnectorException>(() => budget.Count(10));

        Assert.Equal("Pipedrive kept answering with more pages after 3 in one run; Tandem stopped listing. The next run starts again.", error.Message);
    }

    [Fact]
    public void Records_past_the_budget_stop_the_listing()
    {
        var budget = new ListingBudget("the CardDAV server dav.example.com", new HttpLimits { MaxRecordsPerRun = 1500 });
        budget.Count(1000);

        var error = Assert.Throws<ConnectorException>(() => budget.Count(1000));

        Assert.Equal("The CardDAV server dav.example.com listed more than 1,500 contacts in one run; Tandem stopped listing. The next run starts again.", error.Message);
    }
}
