using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>One text of a marketing batch: our message id, the E.164 number and that person's own text.</summary>
public sealed record BatchText(Guid MessageId, string To, string Text);
