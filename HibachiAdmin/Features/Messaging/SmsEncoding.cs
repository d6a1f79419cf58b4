using System.Collections.Frozen;

namespace HibachiAdmin.Features.Messaging;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
