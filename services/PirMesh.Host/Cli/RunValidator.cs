using PirMesh.Learning;
using PirMesh.Learning.Objectives;
using PirMesh.Learning.Pretrained;
using PirMesh.Learning.Training;
using PirMesh.Tuning;

namespace PirMesh.Host.Cli;

/// <summary>
/// Checks a run before anything starts, so a bad flag or a broken photo costs seconds, not a pretraining.
/// Every message names the flag or file at fault.
/// </summary>
public static class RunValidator
{
    /// <summary>More libtorch threads than this only oversubscribes any machine PirMesh targets.</summary>
    public const int MaxThreads = 256;

    /// <summary>Images per batch; keeps every batch's pixels well inside one array at any preset's size.</summary>
    public const int MaxImages = 100_000;

    /// <returns>Problems found; empty when the run can start.</returns>
    public static IReadOnlyList<string> Validate(RunSettings run)
    {
        var problems = new List<string>();
        try
        {
            ObjectiveCatalog.Parse(run.Loop.Objective);
            if (ModelFilesProblem(run.Loop.Estimator, [($"--objective {run.Loop.Objective}", run.Loop.Objective)])
                is { } missing)
            {
                problems.Add(missing);
            }
        }
        catch (FormatException ex)
        {
            problems.Add($"--objective: {ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(run.OutputDirectory))
        {
            problems.Add("--out must name a folder");
        }
        else if (File.Exists(run.OutputDirectory))
        {
            problems.Add($"--out: {run.OutputDirectory} is a file, not a folder");
        }
        else if (AncestorFile(run.OutputDirectory) is { } blocking)
        {
            problems.Add($"--out: {run.OutputDirectory} cannot be created because {blocking} is a file");
        }
        else if (Directory.Exists(run.OutputDirectory)
            && Directory.EnumerateFileSystemEntries(run.OutputDirectory).Any())
        {
            problems.Add($"--out: {run.OutputDirectory} already exists and is not empty; choose another folder");
        }
        else if (NotWritable(ParentOf(run.OutputDirectory)) is { } why)
        {
            // The results are staged next to the output folder, then renamed into place.
            problems.Add($"--out: {run.OutputDirectory} cannot be written: {why}");
        }
        problems.AddRange(ValidateLoop(run.Loop, run.StoreRoot, run.Threads));
        return problems;
    }

    /// <summary>
    /// Checks everything of a run but its objective and output folder: the preset, estimator, counts, store,
    /// threads and photos. <c>pirmesh bench</c> checks these once for all its objectives.
    /// </summary>
    public static IReadOnlyList<string> ValidateLoop(Contracts.LoopSettings loop, string storeRoot, int threads)
    {
        var problems = new List<string>();
        if (!Preset.All.Any(p => string.Equals(p.Name, loop.Preset, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"--preset: unknown preset '{loop.Preset}'; expected one of: "
                + string.Join(", ", Preset.All.Select(p => p.Name)));
        }
        if (!EstimatorFactory.Backbones.Contains(loop.Estimator))
        {
            problems.Add($"--estimator: unknown backbone '{loop.Estimator}'; expected one of: "
                + string.Join(", ", EstimatorFactory.Backbones));
        }
        if (loop.Rounds < 1)
        {
            problems.Add($"--rounds must be at least 1, got {loop.Rounds}");
        }
        if (loop.ImagesPerRound < 10)
        {
            problems.Add($"--images must be at least 10 (some are held out for validation), got {loop.ImagesPerRound}");
        }
        if (loop.ImagesPerRound > MaxImages || loop.EvaluationImages > MaxImages)
        {
            problems.Add($"--images and --eval-images must be at most {MaxImages}, got {loop.ImagesPerRound} and "
                + $"{loop.EvaluationImages}");
        }
        if (string.IsNullOrWhiteSpace(storeRoot))
        {
            problems.Add("--store must name a folder");
        }
        else if (File.Exists(storeRoot) || AncestorFile(storeRoot) is not null)
        {
            problems.Add($"--store: {storeRoot} is, or lies under, a file; it must be a folder");
        }
        else if (NotWritable(storeRoot) is { } why)
        {
            problems.Add($"--store: {storeRoot} cannot be written: {why}");
        }
        if (loop.EvaluationImages < 2)
        {
            problems.Add($"--eval-images must be at least 2, got {loop.EvaluationImages}");
        }
        if (loop.ImpressionsPerImage <= 0)
        {
            problems.Add($"--impressions must be greater than zero, got {loop.ImpressionsPerImage}");
        }
        if (loop.Seed < 0)
        {
            problems.Add($"--seed must be 0 or more, got {loop.Seed}");
        }
        if (threads is < 0 or > MaxThreads)
        {
            problems.Add($"--threads must be between 0 (one per core) and {MaxThreads}, got {threads}");
        }
        problems.AddRange(CheckPhotos(loop));
        return problems;
    }

    /// <summary>
    /// What is wrong with the pretrained ResNet-18 files, named after the first thing that needs them: the
    /// estimator when it is <c>resnet18</c>, else the first ResNet-18 objective. Null when nothing needs the files
    /// or they are usable. Run and bench both check here, once, before any work.
    /// </summary>
    /// <param name="objectives">Each objective's name with how to point at it, such as its option.</param>
    public static string? ModelFilesProblem(string estimator,
        IEnumerable<(string Needer, string Objective)> objectives)
    {
        var needer = estimator == EstimatorFactory.ResNet
            ? "--estimator resnet18"
            : objectives.Where(o => o.Objective.Trim()
                    .StartsWith(FeatureObjective.NetworkName, StringComparison.OrdinalIgnoreCase))
                .Select(o => o.Needer).FirstOrDefault();
        return needer is not null && ResNet18Files.Problem() is { } missing ? $"{needer}: {missing}" : null;
    }

    /// <summary>
    /// Why files cannot be written in <paramref name="folder"/>, or null when they can: the folder is created when
    /// missing, and a probe file is written and deleted, so a read-only or special file system is found before a
    /// run's work rather than when its results are saved.
    /// </summary>
    internal static string? NotWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".pirmesh-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>The folder that holds <paramref name="path"/> (the current folder for a bare name).</summary>
    internal static string ParentOf(string path) =>
        Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))) ?? Path.GetFullPath(path);

    /// <summary>The nearest ancestor of <paramref name="path"/> that is a file, which blocks creating it.</summary>
    internal static string? AncestorFile(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir);
             dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return dir;
            }
        }
        return null;
    }

    private static IEnumerable<string> CheckPhotos(Contracts.LoopSettings loop)
    {
        if (string.IsNullOrWhiteSpace(loop.DataDirectory))
        {
            return ["--data must name a folder of photos"];
        }
        if (File.Exists(loop.DataDirectory))
        {
            return [$"--data: {loop.DataDirectory} is a file; it must be a folder of photos"];
        }
        if (!Directory.Exists(loop.DataDirectory))
        {
            var hint = Path.GetFullPath(loop.DataDirectory).TrimEnd('/') == PhotoDataSets.EndlessSkyFolder
                ? " (install the Debian package endless-sky-data, which ./pirmesh does when it can, or pass --data DIR)"
                : "";
            return [$"--data: photo folder {loop.DataDirectory} does not exist{hint}"];
        }
        if (loop.ClassMapFile is not null)
        {
            try
            {
                PhotoDataSets.ClassMapFor(loop);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                return [$"--class-map: {ex.Message}"];
            }
        }
        try
        {
            var photos = PhotoDataSets.LoadPhotos(loop, out var map);
            var missing = map.ClassNames.Where((_, i) => photos.All(p => p.ClassIndex != i)).ToArray();
            return missing.Length == 0 ? []
                : [$"--data: no photo in {loop.DataDirectory} belongs to class {string.Join(", ", missing)}"];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException
            or UnauthorizedAccessException)
        {
            return [$"--data: {ex.Message}"];
        }
    }
}
