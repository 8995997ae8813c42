using Tandem.Connectors.CardDav.Tests.Servers;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

public sealed class RadicaleConformanceTests(RadicaleServer server) : CardDavConformanceTests<RadicaleServer>(server), IClassFixture<RadicaleServer>;
