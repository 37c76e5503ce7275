using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PirMesh.Contracts;
using PirMesh.Imaging;
using PirMesh.Learning;

namespace PirMesh.Tuning;

/// <summary>
/// Loads photo folders into crop pools, once per folder, class map, resolution and seed. Every photo must decode:
/// a broken file stops the loop with its name rather than silently shrinking the data.
/// </summary>
public sealed class PhotoDataSets(ILogger<PhotoDataSets> logger)
{
    /// <summary>Where Debian's endless-sky-data package installs its landscape photos.</summary>
    public const string EndlessSkyFolder = "/usr/share/games/endless-sky/images/land";

    private const int MinimumPhotoSide = 32;

    private readonly ConcurrentDictionary<string, Lazy<TrainingSet>> cache = new();

    public Task<TrainingSet> LoadAsync(LoopSettings settings, Preset preset, CancellationToken cancellationToken)
    {
        var key = $"{Path.GetFullPath(settings.DataDirectory)}|{settings.ClassMapFile}|{preset.Resolution}|"
            + $"{preset.CropPoolSize}|{settings.Seed}";
        var lazy = cache.GetOrAdd(key, _ => new Lazy<TrainingSet>(() => Load(settings, preset)));
        try
        {
            return Task.Run(() => lazy.Value, cancellationToken);
        }
        catch
        {
            cache.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>The class map for a loop: the given file, the built-in landscape map, or one class for all.</summary>
    public static ClassMap ClassMapFor(LoopSettings settings)
    {
        if (settings.ClassMapFile is { } file)
        {
            if (Directory.Exists(file))
            {
                throw new FileNotFoundException($"class map '{file}' is a folder, not a file", file);
            }
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"class map file '{file}' does not exist", file);
            }
            return ClassMap.Parse(File.ReadAllText(file), file);
        }
        var isEndlessSky = string.Equals(Path.GetFullPath(settings.DataDirectory).TrimEnd('/'), EndlessSkyFolder,
            StringComparison.Ordinal);
        return isEndlessSky ? ClassMap.EndlessSkyLandscapes : ClassMap.SingleClass();
    }

    /// <summary>Decodes every photo of the loop's folder; throws naming the first that is unusable.</summary>
    public static IReadOnlyList<Photo> LoadPhotos(LoopSettings settings, out ClassMap map)
    {
        map = ClassMapFor(settings);
        return PhotoFolder.Load(settings.DataDirectory, map, MinimumPhotoSide);
    }

    private TrainingSet Load(LoopSettings settings, Preset preset)
    {
        var photos = LoadPhotos(settings, out var map);
        var crops = CropSampler.BuildCropPool(photos, preset.CropPoolSize, preset.Resolution,
            unchecked((int)settings.Seed));
        logger.LogInformation("Prepared {Crops} crops of {Resolution}px from {Photos} photos in {Directory}",
            preset.CropPoolSize, preset.Resolution, photos.Count, settings.DataDirectory);
        return new TrainingSet(map.ClassNames, Fingerprint(photos, map), crops, photos.Count);
    }

    private static string Fingerprint(IReadOnlyList<Photo> photos, ClassMap map)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', map.ClassNames)));
        foreach (var photo in photos.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{photo.Name}|{photo.ClassIndex}|"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(photo.Path)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
