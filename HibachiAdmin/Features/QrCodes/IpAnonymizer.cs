using System.Net;
using System.Net.Sockets;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>The network part of an address, never the host: IPv4 /24 (last octet zeroed), IPv6 /48.</summary>
public static class IpAnonymizer
{
    public static string? Anonymize(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
        }
        else
        {
            Array.Clear(bytes, 6, bytes.Length - 6);
        }
        return new IPAddress(bytes).ToString();
    }
}
