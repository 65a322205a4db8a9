// Each end-to-end class drives whole clusters of real processes on a two-core machine: run in
// parallel, one class's cluster start-up or crash would land inside another's "within a second".
[assembly: CollectionBehavior(DisableTestParallelization = true)]
