// The other half of the planted cycle: BoundaryProbeEcho → BoundaryProbe (through contracts only, still a cycle).
namespace HibachiAdmin.Features.BoundaryProbeEcho.Contracts;

public static class Echo
{
    public static string Of(string text) => $"{text} from {BoundaryProbe.Probes.Name}";
}
