using Tandem.Connectors.CardDav.Tests.Servers;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

public sealed class SharedSuiteOnRadicaleTests(RadicaleServer server) : SharedSuiteOnCardDav<RadicaleServer>(server), IClassFixture<RadicaleServer>;
