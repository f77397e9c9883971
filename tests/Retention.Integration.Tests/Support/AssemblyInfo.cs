// Test classes run in parallel; each uses its own tables, and the load test its own Azurite.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
