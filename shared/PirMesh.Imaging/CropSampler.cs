namespace PirMesh.Imaging;

/// <summary>Cuts the pool of square training crops the networks learn from.</summary>
public static class CropSampler
{
    /// <summary>
    /// Builds <paramref name="count"/> crops of <paramref name="resolution"/> squared RGB pixels. Each crop
    /// picks a class uniformly (so classes are balanced whatever their photo counts), then a photo of that
    /// class uniformly, then a square whose side is uniform in [50%, 100%] of the photo's shorter side at a
    /// uniform position; the square is area-averaged to the resolution and mirrored left-right with
    /// probability 0.5. The result depends only on the photos, the count, the resolution and the seed —
    /// not on <paramref name="threads"/>.
    /// </summary>
    /// <param name="threads">How many photos to cut from at once.</param>
    /// <returns>A batch whose class count is the largest photo class index plus one.</returns>
    public static ImageBatch BuildCropPool(
        IReadOnlyList<Photo> photos, int count, int resolution, int seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolution);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        if (photos.Count == 0)
        {
            throw new ArgumentException("cannot build crops from an empty list of photos", nameof(photos));
        }

        foreach (var photo in photos)
        {
            Check(photo);
        }

        var plans = Plan(photos, count, seed);
        var imageLength = 3 * resolution * resolution;
        var pixels = new byte[checked(count * imageLength)];
        var classes = plans.Select(plan => photos[plan.Photo].ClassIndex).ToArray();

        // One summed-area table per photo, built once for all of that photo's crops; each crop writes only its
        // own slot, so the order the photos are processed in cannot change the bytes.
        var byPhoto = Enumerable.Range(0, count).GroupBy(i => plans[i].Photo).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.ForEach(
            byPhoto,
            options,
            () => new double[(resolution + 1) * (resolution + 1) * 3],
            (group, _, scratch) =>
            {
                var table = new SummedAreaTable(photos[group.Key]);
                foreach (var i in group)
                {
                    table.Crop(plans[i], resolution, pixels.AsSpan(i * imageLength, imageLength), scratch);
                }

                return scratch;
            },
            _ => { });

        var classCount = photos.Max(photo => photo.ClassIndex) + 1;
        return new ImageBatch(count, 3, resolution, resolution, classes, pixels, classCount);
    }

    private static CropPlan[] Plan(IReadOnlyList<Photo> photos, int count, int seed)
    {
        var byClass = Enumerable.Range(0, photos.Count)
            .GroupBy(i => photos[i].ClassIndex)
            .OrderBy(group => group.Key)
            .Select(group => group.ToArray())
            .ToArray();
        var random = new Random(seed);
        var plans = new CropPlan[count];
        for (var i = 0; i < count; i++)
        {
            var members = byClass[random.Next(byClass.Length)];
            var index = members[random.Next(members.Length)];
            var photo = photos[index];
            var side = Math.Min(photo.Width, photo.Height) * (0.5 + 0.5 * random.NextDouble());
            var x = random.NextDouble() * (photo.Width - side);
            var y = random.NextDouble() * (photo.Height - side);
            plans[i] = new CropPlan(index, x, y, side, random.Next(2) == 1);
        }

        return plans;
    }

    private static void Check(Photo photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (photo.Width <= 0 || photo.Height <= 0 || photo.Rgb is null
            || photo.Rgb.LongLength != 3L * photo.Width * photo.Height || photo.ClassIndex < 0)
        {
            throw new ArgumentException(
                $"photo {photo.Path} is inconsistent: {photo.Width}x{photo.Height}, "
                + $"{photo.Rgb?.Length ?? 0} RGB bytes, class {photo.ClassIndex}",
                nameof(photo));
        }
    }
}
