using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// A High Volume (A2P) batch handed to RingCentral, stored with the texts' answers: the reconcile reads its
/// message list (<c>GET /a2p-sms/messages?batchId=…</c>) until every text has a final status or the batch is old.
/// </summary>
public sealed class A2pBatch
{
    /// <summary>RingCentral's batch id.</summary>
    public string Id { get; set; } = "";
    public int Size { get; set; }
    public int Rejected { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastReconciledAt { get; set; }
    /// <summary>Every text final (delivered or failed), or the batch too old to change: no more reads.</summary>
    public DateTime? SettledAt { get; set; }
}
