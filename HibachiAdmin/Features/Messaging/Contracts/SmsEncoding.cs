using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
