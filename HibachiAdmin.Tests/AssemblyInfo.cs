// Test hosts share process-wide Hangfire statics (JobStorage.Current, log provider); running test
// classes one after another keeps each host's background jobs on its own storage and database.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
