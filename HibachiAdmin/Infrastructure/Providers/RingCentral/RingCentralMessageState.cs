using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>One message's state as a status read reports it (Message Sync or the High Volume message list).</summary>
/// <param name="Id">RingCentral's message id (a number in the message store, a string in High Volume).</param>
/// <param name="MessageStatus">Queued, Sent, Delivered, DeliveryFailed, SendingFailed, Received.</param>
/// <param name="ErrorCode">deliveryErrorCode / errorCode, e.g. SMS-CAR-411.</param>
public sealed record RingCentralMessageState(string Id, string MessageStatus, string? ErrorCode, string? Direction, string? To = null, string? BatchId = null);
