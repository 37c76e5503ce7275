using PirMesh.Contracts;

namespace PirMesh.Host.Cli;

/// <summary>A parsed <c>pirmesh run</c>: the loop itself and where the process keeps and writes things.</summary>
public sealed record RunSettings(LoopSettings Loop, string OutputDirectory, string StoreRoot, int Threads);
