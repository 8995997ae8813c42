using Tandem.Connectors.CardDav.Tests.Servers;

namespace Tandem.Connectors.CardDav.Tests.Conformance;

public sealed class XandikosConformanceTests(XandikosServer server) : CardDavConformanceTests<XandikosServer>(server), IClassFixture<XandikosServer>;
