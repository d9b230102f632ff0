// One browser scenario at a time: each hosts a whole app with its own Hangfire server, and Hangfire
// keeps process-wide state, so hosts starting in parallel must not overlap a scenario's background jobs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
