using Tandem.Bench;
using Tandem.Bench.Scenarios;

var arguments = BenchArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var passed = arguments.Scenario switch
{
    "inmemory" => await InMemoryScenario.RunAsync(arguments, cancel.Token),
    "memory" => await MemoryScenario.RunAsync(arguments, cancel.Token),
    MemoryChildRun.Command => await MemoryChildRun.RunAsync(arguments, cancel.Token),
    "vcard" => await VCardScenario.RunAsync(arguments, cancel.Token),
    "cli" => await CliScenario.RunAsync(arguments, cancel.Token),
    "carddav" => await CardDavScenario.RunAsync(arguments, cancel.Token),
    "apicalls" => await ApiCallsScenario.RunAsync(arguments, cancel.Token),
    "soak" => await SoakScenario.RunAsync(cancel.Token),
    "latency" => await LatencyScenario.RunAsync(arguments, cancel.Token),
    _ => (bool?)null,
};

if (passed is null)
{
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

return passed.Value ? 0 : 1;
