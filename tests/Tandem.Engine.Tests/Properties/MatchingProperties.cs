using FsCheck;
using FsCheck.Fluent;
using Tandem.Connectors.Testing.Databases;
using Tandem.Engine.Tests.Harness;

namespace Tandem.Engine.Tests.Properties;

/// <summary>
/// Random people, each with one to three email addresses, present on one side or both, holding their
/// addresses in any order and any case on each side: after the first sync each person exists exactly
/// once per side.
/// </summary>
public sealed class MatchingProperties
{
    private static readonly Gen<PersonShape> Person =
        from count in Gen.Choose(1, 3)
        from sides in Gen.Elements(Presence.A, Presence.B, Presence.Both, Presence.Both)
        from orderA in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
        from orderB in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
        from shout in Gen.Elements(false, true)
        select new PersonShape(count, sides, orderA, orderB, shout);

    private static Arbitrary<PersonShape[]> Crowds => Person.ListOf().Select(l => l.Take(12).ToArray()).ToArbitrary();

    [Fact]
    public void After_the_first_sync_each_person_exists_exactly_once_on_each_side() =>
        Prop.ForAll(Crowds, crowd => CheckAsync(StoreKind.Sqlite, crowd).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

    [Fact]
    public async Task The_same_holds_with_the_state_in_postgresql()
    {
        await TestPostgres.RequireAsync();
        Prop.ForAll(Crowds, crowd => CheckAsync(StoreKind.PostgreSql, crowd).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(10));
    }

    private static async Task<bool> CheckAsync(StoreKind store, PersonShape[] crowd)
    {
        await using var h = await SyncHarness.CreateAsync(store);
        for (var p = 0; p < crowd.Length; p++)
        {
            var person = crowd[p];
            var emails = Enumerable.Range(0, person.Count).Select(i => $"person{p}.{(i == 0 ? "work" : i == 1 ? "home" : "other")}@example.com").ToArray();
            if (person.Where != Presence.B)
            {
                h.A.CreatePerson("P" + p, "A", [.. person.OrderA.Select(i => emails[i])]);
            }

            if (person.Where != Presence.A)
            {
                h.B.CreatePerson("P" + p, "B", [.. person.OrderB.Select(i => person.Shout ? " " + emails[i].ToUpperInvariant() : emails[i])]);
            }
        }

        await h.SyncCleanlyAsync();

        Assert.Equal(crowd.Length, h.A.Count);
        Assert.Equal(crowd.Length, h.B.Count);
        Assert.Equal(crowd.Length, await h.LinkCountAsync());
        for (var p = 0; p < crowd.Length; p++)
        {
            Assert.Single(h.A.FindByEmail($"person{p}.work@example.com"));
            Assert.Single(h.B.FindByEmail($"person{p}.work@example.com"));
        }

        return true;
    }

    /// <summary>Which sides hold the person.</summary>
    public enum Presence
    {
        A,
        B,
        Both,
    }

    /// <summary>A person: how many addresses, on which sides, in which order on each side, and whether side B writes them in capitals with a space.</summary>
    public sealed record PersonShape(int Count, Presence Where, int[] OrderA, int[] OrderB, bool Shout);
}
