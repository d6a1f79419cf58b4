namespace HibachiAdmin.Features.Contacts;

public sealed record ImportRejection(int Row, string Reason);
