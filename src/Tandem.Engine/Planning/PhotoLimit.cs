using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Planning;

/// <summary>
/// Photos over <see cref="Photos.MaxBytes"/> reach the engine as a fingerprint only (connectors never hold their
/// bytes, so snapshots and baselines stay small). Such a value is never written: the row is skipped, the other
/// side keeps its photo, and the activity log says so once per contact and run, by name.
/// </summary>
internal static class PhotoLimit
{
    /// <summary>True when <paramref name="shared"/> is a photo too large to copy; then the note is added to the plan.</summary>
    public static bool Holds(string? shared, ItemPlan plan, SyncContext context, Side source, ContactRecord record)
    {
        if (Photos.TooLargeSize(shared) is not { } size)
        {
            return false;
        }

        var name = ContactLabel.Of(record, context.SchemaOf(source));
        plan.Activity.Add(new ActivityNote(source, record.Id, "skipped",
            $"The photo of \"{name}\" in {context.NameOf(source)} is {Photos.SizeInWords(size)}, more than the {Photos.SizeInWords(Photos.MaxBytes)} Tandem copies; it was not copied to {context.NameOf(source.Other())}. A smaller photo will be."));
        return true;
    }
}
