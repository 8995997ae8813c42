using System.CommandLine;
using System.Text.Json;
using Tandem.Cli.Hosting;
using Tandem.Cli.Import;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem import vdirsyncer CONFIG [--output FILE]</c>: a vdirsyncer configuration becomes the equivalent set-up
/// file (on standard output, or in FILE), with notes on standard error; what has no equivalent is refused, exit 2.
/// </summary>
internal static class ImportCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliEnvironment environment)
    {
        var config = new Argument<string>("CONFIG") { Description = "The vdirsyncer configuration file (e.g. ~/.config/vdirsyncer/config)." };
        var output = new Option<string?>("--output") { Description = "Write the set-up file here (never over an existing file) instead of to standard output." };
        var vdirsyncer = new Command("vdirsyncer", "Write the set-up file equivalent to a vdirsyncer configuration (pairs of filesystem and carddav storages).") { config, output };
        vdirsyncer.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(environment, async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(config)!);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{path}: cannot be read ({ex.Message})", ex);
            }

            var importer = new VdirsyncerImporter(Environment.CurrentDirectory, environment.GetVariable);
            string json;
            try
            {
                json = importer.Import(VdirsyncerConfig.Parse(text, path)).ToJsonString(Indented);
            }
            catch (VdirsyncerImportException ex)
            {
                throw new CliUsageException($"{path}: {ex.Message}", ex);
            }

            foreach (var note in importer.Notes)
            {
                await environment.Error.WriteLineAsync($"tandem: {note}");
            }

            if (parse.GetValue(output) is { } target)
            {
                await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                await using var writer = new StreamWriter(file);
                await writer.WriteLineAsync(json);
                await environment.Out.WriteLineAsync($"Wrote {target}; apply it with: tandem sync {target}");
            }
            else
            {
                await environment.Out.WriteLineAsync(json);
            }

            return ExitCodes.Ok;
        }));
        return new Command("import", "Write a set-up file from another tool's configuration.") { vdirsyncer };
    }
}
