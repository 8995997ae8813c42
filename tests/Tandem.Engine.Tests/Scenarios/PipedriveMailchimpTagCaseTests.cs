using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.Tests.Scenarios.Pairs;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// Pipedrive (A, labels kept as written) ↔ Mailchimp (B, one tag whatever its case), both sandboxes over HTTP, with the
/// Tags row turned on: a label and a tag differing only in case are one tag, so neither app gets a twin, and a label
/// the company lacks becomes one.
/// </summary>
public sealed class PipedriveMailchimpTagCaseTests
{
    [Fact]
    public async Task A_Pipedrive_label_VIP_and_a_Mailchimp_tag_vip_are_one_tag_and_a_new_Mailchimp_tag_becomes_a_Pipedrive_label()
    {
        var pipedrive = new PipedriveSide();
        var mailchimp = new MailchimpSide();
        await using var pair = await PairHarness.StartAsync(pipedrive, mailchimp);
        await using (var a = pipedrive.Connect())
        await using (var b = mailchimp.Connect())
        {
            var defaults = DefaultMappings.For(await a.GetSchemaAsync(TestContext.Current.CancellationToken), await b.GetSchemaAsync(TestContext.Current.CancellationToken));
            pair.Settings = new ConnectionSettings { Mappings = [.. defaults.Select(m => m.AField == TagsField.Key ? m with { Enabled = true } : m)] };
        }

        var ann = await pipedrive.AddAsync("Ann", "Lee", "ann@example.com");
        await pipedrive.TagAsync(ann, "VIP");
        var annInMailchimp = await mailchimp.AddAsync("Ann", "Lee", "ann@example.com");
        await mailchimp.TagAsync(annInMailchimp, "vip");
        await mailchimp.TagAsync(annInMailchimp, "Webinar 2026");

        await pair.SyncAsync();

        Assert.Equal(["VIP", "Webinar 2026"], (await pipedrive.ReadAsync(ann)).Tags);
        Assert.Equal(["Webinar 2026", "vip"], (await mailchimp.ReadAsync(annInMailchimp)).Tags);
        Assert.Equal(0, (await pair.SyncAsync()).WriteCalls);
    }
}
