using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace RunStrong.Web.Hosting;

/// <summary>
/// <c>RunStrong:SharedPort=true</c>: several RunStrong processes on one Linux machine listen on the same port and the
/// kernel spreads the connections among them (<c>SO_REUSEPORT</c>), with no proxy in between. The nodes keep no state,
/// so any of them answers any request; a stopped node's share goes to the others. Linux lets only processes of the
/// same user share a port this way, so another account cannot listen in. Off by default: a second RunStrong started
/// on a port already in use should fail, not quietly take half the traffic (docs/running-on-the-internet.md).
/// </summary>
public static class SharedPort
{
    public const string ConfigurationKey = "RunStrong:SharedPort";

    // From Linux's asm-generic/socket.h (x86-64 and arm64 alike); .NET has no named option for it.
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    public static void Configure(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(ConfigurationKey))
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException($"{ConfigurationKey}=true needs Linux (SO_REUSEPORT); this is {Environment.OSVersion}. Put a proxy in front of the nodes instead.");
        }

        builder.WebHost.UseSockets(o => o.CreateBoundListenSocket = Bind);
    }

    private static Socket Bind(EndPoint endpoint)
    {
        if (endpoint is not IPEndPoint ip)
        {
            return SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
        }

        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            socket.Bind(ip);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
