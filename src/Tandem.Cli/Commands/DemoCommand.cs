using System.CommandLine;
using Tandem.Cli.Demo;
using Tandem.Cli.Hosting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem demo</c>: a sync a newcomer can watch with nothing to set up. It lays out two overlapping
/// vCard folders and a set-up file in a folder of its own, syncs them, shows the activity log, and keeps
/// syncing so that an edited, added or deleted card shows up in the other folder.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var folder = new Option<string>("--folder") { Description = "Where the demo's folders, set-up file and database live.", DefaultValueFactory = _ => "tandem-demo" };
        var once = new Option<bool>("--once") { Description = "Sync once and stop instead of watching." };
        var interval = new Option<int>("--interval") { Description = "Seconds between syncs while watching.", DefaultValueFactory = _ => 5 };
        var command = new Command("demo", "Sync two sample vCard folders and keep them in sync (edit a card and watch).") { folder, once, interval };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var root = Path.GetFullPath(parse.GetValue(folder)!);
            var setup = DemoFolders.Prepare(root);
            var database = Path.Combine(root, "tandem.db");
            await environment.Out.WriteLineAsync($"Demo folder: {root}");
            await environment.Out.WriteLineAsync($"  crm/    vCard 4.0 cards   phone/  vCard 3.0 cards (four people are in both, with other phone formats and one other title)");
            await environment.Out.WriteLineAsync($"  setup.json joins them two-way; state lives in tandem.db.");
            await environment.Out.WriteLineAsync();

            var first = await CliApp.RunAsync(["--database", database, "sync", setup], environment, cancellationToken);
            await environment.Out.WriteLineAsync();
            await CliApp.RunAsync(["--database", database, "log", "--limit", "12"], environment, cancellationToken);
            if (parse.GetValue(once) || first != ExitCodes.Ok)
            {
                return first;
            }

            await environment.Out.WriteLineAsync();
            await environment.Out.WriteLineAsync($"Watching: edit, add or delete a .vcf file in {Path.Combine(root, "crm")} or {Path.Combine(root, "phone")} and see it arrive. Ctrl+C stops.");
            return await CliApp.RunAsync(["--database", database, "sync", setup, "--watch", "--interval", parse.GetValue(interval).ToString(System.Globalization.CultureInfo.InvariantCulture)], environment, cancellationToken);
        }));
        return command;
    }
}
