using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Tests.Http;

public sealed class WriteFailuresTests
{
    private const string NotFound = "The person no longer exists.";
    private const string Stale = "The person changed since it was read.";

    [Theory]
    [InlineData(404, WriteFailureKind.NotFound, NotFound)]
    [InlineData(409, WriteFailureKind.StaleVersion, Stale)]
    [InlineData(412, WriteFailureKind.StaleVersion, Stale)]
    [InlineData(400, WriteFailureKind.Rejected, "email: not an address")]
    [InlineData(422, WriteFailureKind.Rejected, "email: not an address")]
    [InlineData(503, WriteFailureKind.Unknown, "The app answered 503.")]
    public void A_vendor_error_becomes_the_writes_result(int status, WriteFailureKind kind, string reason)
    {
        var result = WriteFailures.For("op-1", new ApiErrorException(status, $"The app answered {status}.", "email: not an address"), NotFound, Stale);

        Assert.Equal(WriteResult.Failed("op-1", kind, reason), result);
    }

    [Fact]
    public void A_refusal_without_a_reason_of_the_app_falls_back_to_the_status_sentence()
    {
        var result = WriteFailures.For("op-1", new ApiErrorException(400, "The app answered 400.", string.Empty), NotFound, Stale);

        Assert.Equal("The app answered 400.", result?.Reason);
    }

    [Fact]
    public void No_answer_to_a_write_that_may_have_happened_is_unknown()
    {
        var result = WriteFailures.For("op-1", new OutcomeUnknownException("The request timed out; it may have taken effect."), NotFound, Stale);

        Assert.Equal(WriteResult.Failed("op-1", WriteFailureKind.Unknown, "The request timed out; it may have taken effect."), result);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(429)]
    public void Refused_credentials_and_rate_limits_fail_the_whole_call(int status)
    {
        Assert.Null(WriteFailures.For("op-1", new ApiErrorException(status, "x", "y"), NotFound, Stale));
    }

    [Fact]
    public void A_failure_that_is_not_the_apps_answer_fails_the_whole_call()
    {
        Assert.Null(WriteFailures.For("op-1", new ConnectorException("Pipedrive answered with more than 16 MB; Tandem stopped reading."), NotFound, Stale));
    }
}
