namespace HibachiAdmin.Features.Contacts;

public sealed record ImportSummary(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected, IReadOnlyList<ImportRowResult> Rows)
{
    public int RejectedCount => Rejected.Count;
}
