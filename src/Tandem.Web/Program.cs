using Tandem.Web.Hosting;

await using var app = await TandemWebServer.CreateAsync(args);
await app.RunAsync();
