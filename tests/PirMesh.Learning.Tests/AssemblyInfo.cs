// libtorch's random generator and thread pool are process-wide; tests that check bit-for-bit reproducibility
// cannot share them with tests running at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
