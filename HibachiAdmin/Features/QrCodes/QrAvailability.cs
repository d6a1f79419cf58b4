using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using HibachiAdmin.Common;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>Whether a code sends people on right now.</summary>
public enum QrAvailability
{
    Live,
    Inactive,
    NotYetValid,
    Expired,
}
