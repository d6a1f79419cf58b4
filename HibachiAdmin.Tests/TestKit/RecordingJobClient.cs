namespace HibachiAdmin.Tests.TestKit;

/// <summary>Records Hangfire jobs instead of running them, so a test can see what was scheduled for when.</summary>
public sealed class RecordingJobClient : Hangfire.IBackgroundJobClient
{
    public List<(Hangfire.Common.Job Job, Hangfire.States.IState State)> Jobs { get; } = [];

    public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
    {
        lock (Jobs)
        {
            Jobs.Add((job, state));
        }
        return Jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
}
