namespace HibachiAdmin.Features.Reviews;

public sealed record ImportResult(int Pages, int Seen, int Added, int Updated);
