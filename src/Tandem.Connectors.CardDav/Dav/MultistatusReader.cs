using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Dav;

/// <summary>
/// Reads a 207 multistatus body as a stream: each top-level child (a <c>response</c>, the <c>sync-token</c>)
/// is materialised on its own, so a listing of thousands of cards never sits in memory as one document.
/// </summary>
internal static class MultistatusReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static async IAsyncEnumerable<XElement> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(body, Settings);
        try
        {
            await reader.MoveToContentAsync().ConfigureAwait(false);
        }
        catch (XmlException ex)
        {
            throw new ConnectorException("The CardDAV server sent a response that is not XML.", ex);
        }

        if (reader.NamespaceURI != DavNames.Dav.NamespaceName || reader.LocalName != "multistatus")
        {
            throw new ConnectorException("The CardDAV server sent an XML response that is not a WebDAV multistatus.");
        }

        if (reader.IsEmptyElement)
        {
            yield break;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            XElement element;
            try
            {
                element = (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            catch (XmlException ex)
            {
                throw new ConnectorException("The CardDAV server sent a multistatus response that is not well-formed XML.", ex);
            }

            yield return element;
        }
    }
}
