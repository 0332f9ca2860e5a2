using System.Net;
using System.Net.Sockets;

namespace SearchApi.Hosting;

/// <summary>Reads SearchApi:TrustedProxies entries: an address (one host) or a CIDR network.</summary>
public static class TrustedNetworks
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}
