namespace PirMesh.Host.Reporting;

/// <summary>
/// Gives a report folder all-or-nothing semantics: files are written into a sibling staging folder that is
/// renamed into place only when complete, so a crash or cancellation never leaves a half-written report and
/// an earlier report is never overwritten.
/// </summary>
internal static class ReportFolder
{
    /// <summary>The absolute path of the report folder.</summary>
    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    public static string Resolve(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        if (Path.GetDirectoryName(target) is null)
        {
            throw new ArgumentException($"'{outputDirectory}' is a root folder, not a report folder",
                nameof(outputDirectory));
        }

        EnsureUnused(target);
        return target;
    }

    /// <summary>Runs <paramref name="write"/> on a fresh staging folder, then moves it to the target.</summary>
    public static async Task PublishAsync(string target, Func<string, Task> write)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);

        // A sibling, not a folder under /tmp, so that the final move is a rename within one file system.
        var staging = $"{target}.partial-{Guid.NewGuid().ToString("N")[..12]}";
        Directory.CreateDirectory(staging);
        try
        {
            await write(staging);

            // Checked again because the target may have appeared while the report was being drawn.
            EnsureUnused(target);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            // Directory.Move refuses an existing destination, so a folder created in this instant is not lost.
            Directory.Move(staging, target);
        }
        catch
        {
            DeleteQuietly(staging);
            throw;
        }
    }

    // Best effort: an error while cleaning up must not hide the error that made the report fail.
    private static void DeleteQuietly(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The .partial- suffix marks the leftover as safe to delete by hand.
        }
    }

    private static void EnsureUnused(string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"the report folder {target} is an existing file; choose another output folder");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException(
                $"the report folder {target} already holds files; choose another output folder or remove it");
        }
    }
}
