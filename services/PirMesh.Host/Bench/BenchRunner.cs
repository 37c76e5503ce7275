using System.Diagnostics;
using System.Globalization;
using PirMesh.Contracts;
using PirMesh.Host.Cli;
using PirMesh.Host.Reporting;

namespace PirMesh.Host.Bench;

/// <summary>What one <c>pirmesh bench</c> was asked to do.</summary>
/// <param name="Loop">
/// The loop every objective shares; its objective is replaced per objective, and its <c>NoCache</c> applies only to
/// the first objective this process runs (the others take that pretraining from the cache).
/// </param>
/// <param name="Objectives"><c>--objectives</c>: comma-separated families and names; null for none.</param>
/// <param name="ObjectivesFile"><c>--file</c>: one objective name a line; null for none.</param>
/// <param name="SeedFilters"><c>--seed-filters</c>: the first filter seed of the ResNet-18 families.</param>
/// <param name="FilterSets"><c>--filter-sets</c>: objectives per stage in the ResNet-18 families.</param>
public sealed record BenchRequest(LoopSettings Loop, string BenchFolder, string StoreRoot, int Threads,
    string? Objectives, string? ObjectivesFile, int SeedFilters = 1, int FilterSets = 1);

/// <summary>
/// Runs a bench: every objective of the list as one full loop into its own run folder, resuming a bench folder that
/// already has some, and rewriting the bench's table and figures after each.
/// </summary>
public sealed class BenchRunner
{
    /// <summary>The family used when neither <c>--objectives</c> nor <c>--file</c> is given.</summary>
    public const string DefaultObjectives = ObjectiveList.Colours;

    /// <summary>The most objectives per stage <c>--filter-sets</c> asks for.</summary>
    public const int MaxFilterSets = 100;

    private readonly TextWriter output;
    private readonly TextWriter errors;
    private readonly RunObjective runObjective;

    /// <param name="runObjective">Runs one objective's loop; <see cref="RunLoop.ExecuteAsync"/> unless a test
    /// stands in for it.</param>
    public BenchRunner(TextWriter output, TextWriter errors, RunObjective? runObjective = null)
    {
        this.output = output;
        this.errors = errors;
        this.runObjective = runObjective ?? RunLoop.ExecuteAsync;
    }

    /// <summary>Runs one loop and returns its exit code: 0 done, 2 bad input, 130 cancelled, else failed.</summary>
    public delegate Task<int> RunObjective(RunSettings run, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken);

    /// <returns>0 when all finished, 2 for bad input, 130 when cancelled, else the failed run's exit code.</returns>
    public async Task<int> ExecuteAsync(BenchRequest request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var manifest = Plan(request, out var problems, out var notes);
        foreach (var note in notes)
        {
            await output.WriteLineAsync($"note: {note}");
        }

        if (problems.Count > 0 || manifest is null)
        {
            return await FailAsync(problems);
        }

        var folder = Path.GetFullPath(request.BenchFolder);
        var stored = await OpenAsync(folder, manifest, problems);
        if (stored is null)
        {
            return await FailAsync(problems);
        }

        var settings = stored.Settings;
        var entries = stored.Objectives;
        var results = Finished(folder, stored, problems);
        if (problems.Count > 0)
        {
            return await FailAsync(problems);
        }

        await CleanUpAsync(folder, entries, results);
        var done = results.Count(r => r is not null);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench: {entries.Count} objective(s), preset {settings.Preset}, {settings.Rounds} round(s) each, in "
            + $"{folder}; {done} finished earlier"));
        if (done > 0)
        {
            await BenchOutputs.WriteAsync(folder, settings, entries.Count, Finished(results));
        }

        if (done < entries.Count)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench: {done}/{entries.Count} done, elapsed {Duration(watch.Elapsed.TotalSeconds)}, time left "
                + $"unknown until one objective has finished"));
        }

        var ranHere = 0;
        var secondsHere = new List<double>();
        foreach (var entry in entries)
        {
            var i = entry.Index - 1;
            var position = $"[{entry.Index}/{entries.Count}] {entry.Name} ({entry.Family}, {entry.Group})";
            if (results[i] is not null)
            {
                await output.WriteLineAsync($"{position}: finished earlier in {entry.Folder}; skipped");
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return await StoppedAsync(folder, results);
            }

            await output.WriteLineAsync(position);
            var run = new RunSettings(
                request.Loop with { Objective = entry.Name, NoCache = request.Loop.NoCache && ranHere == 0 },
                Path.Combine(folder, entry.Folder), request.StoreRoot, request.Threads);
            var started = watch.Elapsed;
            int code;
            try
            {
                code = await runObjective(run, output, errors, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                code = 130;
            }

            if (code == 130)
            {
                return await StoppedAsync(folder, results);
            }

            if (code != 0)
            {
                await errors.WriteLineAsync($"bench: objective {entry.Index} ('{entry.Name}') failed (exit code "
                    + $"{code}); the {results.Count(r => r is not null)} finished objective(s) are kept in {folder}. "
                    + "Rerun the same command to retry from this objective.");
                return code;
            }

            var result = RunSummaryReader.TryRead(folder, entry, settings.Rounds, settings.Estimator, out var why);
            if (result is null)
            {
                await errors.WriteLineAsync($"bench: objective {entry.Index} ('{entry.Name}') finished, but its "
                    + $"summary is not complete: {why ?? "no summary.json"}");
                return 1;
            }

            results[i] = result;
            ranHere++;
            secondsHere.Add((watch.Elapsed - started).TotalSeconds);
            await BenchOutputs.WriteAsync(folder, settings, entries.Count, Finished(results));
            done = results.Count(r => r is not null);
            await output.WriteLineAsync("  " + ResultLine(result));
            var left = entries.Count - done;
            var estimate = left == 0 ? "nothing left"
                : $"about {Duration(SecondsPerObjective(secondsHere) * left)} left";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench: {done}/{entries.Count} done, elapsed {Duration(watch.Elapsed.TotalSeconds)}, {estimate}"));
        }

        await output.WriteLineAsync($"bench: all {entries.Count} objective(s) finished; table in "
            + $"{Path.Combine(folder, BenchOutputs.Markdown)} and {BenchOutputs.Csv}, figures "
            + string.Join(", ", BenchCharts.Files));
        return 0;
    }

    /// <summary>
    /// Expected seconds per remaining objective: the mean of those run by this process, leaving out the first once
    /// there are others, since the first usually includes the GAN's pretraining.
    /// </summary>
    public static double SecondsPerObjective(IReadOnlyList<double> seconds) =>
        seconds.Count > 1 ? seconds.Skip(1).Average() : seconds[0];

    /// <summary>The objectives, settings and folder of a request, checked; null with problems when they fail.</summary>
    /// <param name="notes">Duplicates dropped from the list, one note each.</param>
    public static BenchManifest? Plan(BenchRequest request, out List<string> problems, out IReadOnlyList<string> notes)
    {
        problems = [];
        if (request.SeedFilters < 0)
        {
            problems.Add($"--seed-filters must be 0 or more, got {request.SeedFilters}");
        }

        if (request.FilterSets is < 1 or > MaxFilterSets)
        {
            problems.Add($"--filter-sets must be between 1 and {MaxFilterSets}, got {request.FilterSets}");
        }

        IReadOnlyList<string>? lines = null;
        if (request.ObjectivesFile is { } file)
        {
            try
            {
                lines = ObjectiveList.ReadFile(file);
            }
            catch (IOException ex)
            {
                problems.Add($"--file: {ex.Message}");
            }
        }

        var tokens = request.Objectives is null && request.ObjectivesFile is null
            ? DefaultObjectives
            : request.Objectives;
        var expanded = ObjectiveList.Expand(tokens, request.ObjectivesFile, lines,
            Math.Max(0, request.SeedFilters), Math.Clamp(request.FilterSets, 1, MaxFilterSets));
        notes = expanded.Notes;
        if (request.ObjectivesFile is null || lines is not null)
        {
            var objectiveProblems = ObjectiveList.Validate(expanded);
            problems.AddRange(objectiveProblems);
            if (objectiveProblems.Count == 0 && RunValidator.ModelFilesProblem(request.Loop.Estimator,
                    expanded.Objectives.Select(o => ($"{o.Origin}: '{o.Objective.Name}'", o.Objective.Name)))
                is { } missing)
            {
                problems.Add(missing);
            }
        }

        problems.AddRange(RunValidator.ValidateLoop(request.Loop, request.StoreRoot, request.Threads));
        problems.AddRange(CheckFolder(request.BenchFolder));
        return problems.Count > 0
            ? null
            : BenchManifest.Create(BenchSettings.From(request.Loop, request.Threads),
                expanded.Objectives.Select(o => o.Objective).ToList());
    }

    private static IEnumerable<string> CheckFolder(string benchFolder)
    {
        if (string.IsNullOrWhiteSpace(benchFolder))
        {
            yield return "--out must name a folder";
        }
        else if (File.Exists(benchFolder))
        {
            yield return $"--out: {benchFolder} is a file, not a folder";
        }
        else if (RunValidator.AncestorFile(benchFolder) is { } blocking)
        {
            yield return $"--out: {benchFolder} cannot be created because {blocking} is a file";
        }
        else if (Directory.Exists(benchFolder) && Directory.EnumerateFileSystemEntries(benchFolder).Any()
            && !File.Exists(Path.Combine(benchFolder, BenchManifest.FileName)))
        {
            yield return $"--out: {benchFolder} already holds files but no {BenchManifest.FileName}, so it is not a "
                + "bench folder; choose another folder";
        }
        else if (RunValidator.NotWritable(Directory.Exists(benchFolder) ? benchFolder
            : RunValidator.ParentOf(benchFolder)) is { } why)
        {
            yield return $"--out: {benchFolder} cannot be written: {why}";
        }
    }

    /// <summary>
    /// The bench folder's manifest: the stored one when the folder already holds a bench with the same settings
    /// and objectives, else a new one written now. Null, with problems, when they differ; nothing is changed then.
    /// </summary>
    private static async Task<BenchManifest?> OpenAsync(string folder, BenchManifest wanted, List<string> problems)
    {
        var path = Path.Combine(folder, BenchManifest.FileName);
        if (File.Exists(path))
        {
            BenchManifest stored;
            try
            {
                stored = BenchManifest.Read(path);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"--out: {ex.Message}; choose another folder");
                return null;
            }

            var differences = stored.Differences(wanted);
            if (differences.Count > 0)
            {
                problems.Add($"--out: {folder} holds a bench started with other settings; rerun with the same "
                    + "options to continue it, or choose another --out (nothing was changed). What differs:\n  - "
                    + string.Join("\n  - ", differences));
                return null;
            }

            return stored;
        }

        Directory.CreateDirectory(folder);
        await BenchOutputs.WriteAtomicallyAsync(path, wanted.Serialize());
        return wanted;
    }

    /// <summary>
    /// The result of every objective whose run folder holds a complete summary; null for the others. A run folder
    /// that holds files but no complete summary was not written by a finished run, so it is reported, not touched.
    /// </summary>
    private static BenchResult?[] Finished(string folder, BenchManifest manifest, List<string> problems)
    {
        var results = new BenchResult?[manifest.Objectives.Count];
        foreach (var entry in manifest.Objectives)
        {
            var result = RunSummaryReader.TryRead(folder, entry, manifest.Settings.Rounds, manifest.Settings.Estimator,
                out var why);
            var runFolder = Path.Combine(folder, entry.Folder);
            if (why is not null)
            {
                problems.Add($"objective {entry.Index} ('{entry.Name}'): {why}; move {runFolder} away or choose "
                    + "another --out");
            }
            else if (result is null && Directory.Exists(runFolder)
                && Directory.EnumerateFileSystemEntries(runFolder).Any())
            {
                problems.Add($"objective {entry.Index} ('{entry.Name}'): {runFolder} holds files but no summary.json, "
                    + "so no finished run wrote it; move it away or choose another --out");
            }

            results[entry.Index - 1] = result;
        }

        return results;
    }

    /// <summary>
    /// Removes what an interrupted process left: the staging folder (<c>&lt;run&gt;.partial-*</c>) of a run that
    /// was writing its report, and temporary files of the bench's own outputs.
    /// </summary>
    private async Task CleanUpAsync(string folder, IReadOnlyList<BenchEntry> entries, BenchResult?[] results)
    {
        foreach (var entry in entries.Where(e => results[e.Index - 1] is null))
        {
            var runFolder = Path.Combine(folder, entry.Folder);
            var parent = Path.GetDirectoryName(runFolder)!;
            if (!Directory.Exists(parent))
            {
                continue;
            }

            foreach (var partial in Directory.EnumerateDirectories(parent, Path.GetFileName(runFolder) + ".partial-*"))
            {
                Directory.Delete(partial, recursive: true);
                await output.WriteLineAsync($"bench: removed {partial}, the half-written report of objective "
                    + $"{entry.Index} ('{entry.Name}') from an interrupted run; it runs again");
            }
        }

        foreach (var leftover in BenchOutputs.RemoveLeftovers(folder))
        {
            await output.WriteLineAsync($"bench: removed {leftover}, left by an interrupted write");
        }
    }

    private async Task<int> FailAsync(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            await errors.WriteLineAsync($"error: {problem}");
        }

        return 2;
    }

    private async Task<int> StoppedAsync(string folder, BenchResult?[] results)
    {
        await errors.WriteLineAsync($"bench: stopped; the {results.Count(r => r is not null)} finished objective(s) "
            + $"are kept in {folder}. Rerun the same command (same --out) to continue.");
        return 130;
    }

    private static List<BenchResult> Finished(BenchResult?[] results) =>
        results.Where(r => r is not null).Select(r => r!).ToList();

    /// <summary>One objective's outcome in a line, such as <c>true mean PIR 0.5840 -> 0.7070 (...)</c>.</summary>
    public static string ResultLine(BenchResult r) =>
        $"{r.Basis} mean PIR {ReportNumbers.Fixed(r.MeanBefore, 4)} -> {ReportNumbers.Fixed(r.MeanAfter, 4)} "
        + $"(change {ReportNumbers.Signed(r.Change, 4)}, d = {ReportNumbers.Fixed(r.CohensD, 2)}, "
        + $"{ReportNumbers.PClause(r.PValue)}, {(r.Significant ? "significant" : "not significant")} at "
        + $"{ReportNumbers.Alpha(BenchTables.Alpha)}); estimated change {ReportNumbers.Signed(r.EstimatedChange, 4)}; "
        + $"initial SD of {r.SpreadBasis} PIR {ReportNumbers.Fixed(r.InitialSd, 4)}, non-zero share "
        + $"{ReportNumbers.Percent(r.NonZeroShare, 1)}; {ReportNumbers.Seconds(r.Seconds)}"
        + (r.SharedNetwork ? "; caveat: users and estimator share ResNet-18" : "");

    /// <summary>A duration for the progress line: <c>42 s</c>, <c>3.5 min</c> or <c>2.1 h</c>.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        _ when !double.IsFinite(seconds) => "unknown",
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h"),
    };
}
