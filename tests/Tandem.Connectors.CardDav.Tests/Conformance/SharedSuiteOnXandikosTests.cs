using Tandem.Connectors.CardDav.Tests.Servers;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

public sealed class SharedSuiteOnXandikosTests(XandikosServer server) : SharedSuiteOnCardDav<XandikosServer>(server), IClassFixture<XandikosServer>;
