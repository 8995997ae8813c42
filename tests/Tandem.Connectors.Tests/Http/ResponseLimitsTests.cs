using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class ResponseLimitsTests
{
    private static readonly HttpLimits Limits = new() { MaxResponseBytes = 1024 * 1024, ResponseTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task An_endless_body_is_read_up_to_the_cap_and_no_further()
    {
        var body = new EndlessStream();
        using var api = Api(new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body, 16 * 1024) }));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken));

        Assert.Equal("Pipedrive answered with more than 1 MB; Tandem stopped reading.", error.Message);
        Assert.InRange(body.BytesRead, Limits.MaxResponseBytes + 1, Limits.MaxResponseBytes + (64 * 1024));
    }

    [Fact]
    public async Task A_declared_length_past_the_cap_is_refused_before_reading()
    {
        var body = new EndlessStream();
        var content = new StreamContent(body);
        content.Headers.ContentLength = 400L * 1024 * 1024;
        using var api = Api(new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken));

        Assert.Equal("Pipedrive answered with more than 1 MB; Tandem stopped reading.", error.Message);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task A_body_of_exactly_the_cap_is_read_whole()
    {
        var json = "{\"pad\":\"" + new string('a', (int)Limits.MaxResponseBytes - 10) + "\"}";
        using var api = Api(new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) }));

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken);

        Assert.Equal(Limits.MaxResponseBytes, json.Length);
        Assert.Equal(Limits.MaxResponseBytes - 10, answer.Body["pad"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task A_redirect_is_refused_with_the_apps_name()
    {
        var script = new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://169.254.169.254/") } });
        using var api = Api(script);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken));

        Assert.Equal("Pipedrive answered with a redirect (302); Tandem does not follow redirects.", error.Message);
        Assert.Equal(1, script.Requests);
    }

    [Fact]
    public async Task A_body_still_coming_at_the_deadline_is_cut_off()
    {
        var time = new FakeTimeProvider();
        using var api = new JsonApiClient(
            new HttpClient(new ResponseLimitsHandler("Pipedrive", Limits, time, string.Empty, NullLogger.Instance)
            {
                InnerHandler = new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StalledStream()) }),
            }),
            "Pipedrive",
            Limits);

        var reading = api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken);
        time.Advance(Limits.ResponseTimeout);
        var error = await Assert.ThrowsAsync<ConnectorException>(() => reading);

        Assert.Equal("Pipedrive did not finish answering within 30 seconds; Tandem stopped waiting.", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_json_names_the_app_and_the_status()
    {
        using var api = Api(new ScriptedHandler().Then(() => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy error</html>") }));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://app.test/persons"), TestContext.Current.CancellationToken));

        Assert.Equal("Pipedrive answered 502 with a body that is not JSON.", error.Message);
    }

    private static JsonApiClient Api(ScriptedHandler script) =>
        new(new HttpClient(new ResponseLimitsHandler("Pipedrive", Limits, TimeProvider.System, string.Empty, NullLogger.Instance) { InnerHandler = script }), "Pipedrive", Limits);

    /// <summary>A body whose next byte never comes (until the read is cancelled).</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => 0;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
