using System.Net.Sockets;

namespace Tandem.Connectors.CardDav.Http;

/// <summary>
/// Turns a failed connection into a sentence a user can act on ("nothing accepted the connection on that port"),
/// instead of the runtime's exception text, which is written for developers.
/// </summary>
internal static class TransportFailure
{
    public static string Describe(string server, HttpRequestException ex)
    {
        var socket = Find<SocketException>(ex)?.SocketErrorCode;
        var reason = (ex.HttpRequestError, socket) switch
        {
            (_, SocketError.ConnectionRefused) => "nothing accepted the connection on that port. Check the address and the port, and that the server is running",
            (HttpRequestError.NameResolutionError, _) or (_, SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData) =>
                "its name could not be found (DNS). Check the address",
            (_, SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.HostDown) => "no route leads to it from this Tandem. Check the address and the network",
            (_, SocketError.TimedOut) => "the connection timed out. Check the address and any firewall in between",
            (HttpRequestError.SecureConnectionError, _) => "the secure connection (TLS) could not be set up. Check that the address uses the scheme (http or https) and the certificate the server has",
            (HttpRequestError.ResponseEnded, _) or (HttpRequestError.InvalidResponse, _) =>
                "it closed the connection or answered something that is not HTTP. Check that the address and port are those of a web server",
            _ => "the connection failed. Check the address and that the server is running",
        };
        return $"The CardDAV server {server} could not be reached: {reason}.";
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
