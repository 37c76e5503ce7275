// libtorch's random generator and thread pool are process-wide; loops that check reproducibility cannot share
// them with loops running at the same time in other tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
