namespace PirMesh.Imaging;

/// <summary>
/// Integral image of one RGB photo. Because the photo is constant on each pixel, its integral is bilinear
/// inside each pixel cell, so bilinear interpolation of the table gives the exact sum over any rectangle,
/// even one with fractional edges. That makes area-averaging downscale cost the same for any crop size.
/// </summary>
internal sealed class SummedAreaTable
{
    private const int Channels = 3;

    // Row-major (height + 1) x (width + 1) x 3, with a zero first row and column. long, not int: the sum of a
    // 4000 x 3000 photo already overflows int.
    private readonly long[] _table;
    private readonly int _stride;

    public SummedAreaTable(Photo photo)
    {
        Width = photo.Width;
        Height = photo.Height;
        _stride = (Width + 1) * Channels;
        _table = new long[(Height + 1) * _stride];
        Span<long> rowSum = stackalloc long[Channels];
        for (var y = 0; y < Height; y++)
        {
            rowSum.Clear();
            var source = photo.Rgb.AsSpan(y * Width * Channels, Width * Channels);
            var above = _table.AsSpan(y * _stride, _stride);
            var row = _table.AsSpan((y + 1) * _stride, _stride);
            for (var x = 0; x < Width; x++)
            {
                for (var c = 0; c < Channels; c++)
                {
                    rowSum[c] += source[x * Channels + c];
                    var at = (x + 1) * Channels + c;
                    row[at] = above[at] + rowSum[c];
                }
            }
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Averages the square of <paramref name="plan"/> down (or up) to <paramref name="resolution"/> squared
    /// pixels and writes them as CHW into <paramref name="target"/>, mirrored left-right when the plan says so.
    /// </summary>
    /// <param name="scratch">At least (resolution + 1)² × 3 doubles, reused between crops.</param>
    public void Crop(CropPlan plan, int resolution, Span<byte> target, Span<double> scratch)
    {
        var edges = resolution + 1;
        var step = plan.Side / resolution;
        Span<int> xCell = stackalloc int[edges];
        Span<double> xFrac = stackalloc double[edges];
        Span<double> xAt = stackalloc double[edges];
        Span<int> yCell = stackalloc int[edges];
        Span<double> yFrac = stackalloc double[edges];
        Span<double> yAt = stackalloc double[edges];
        Locate(plan.X, step, Width, xCell, xFrac, xAt);
        Locate(plan.Y, step, Height, yCell, yFrac, yAt);

        // The integral at every grid corner once; each output pixel then needs four corners.
        for (var j = 0; j < edges; j++)
        {
            var top = yCell[j] * _stride;
            var bottom = top + _stride;
            var fy = yFrac[j];
            for (var k = 0; k < edges; k++)
            {
                var left = xCell[k] * Channels;
                var right = left + Channels;
                var fx = xFrac[k];
                var corner = (j * edges + k) * Channels;
                for (var c = 0; c < Channels; c++)
                {
                    double upper = _table[top + left + c] + fx * (_table[top + right + c] - _table[top + left + c]);
                    double lower = _table[bottom + left + c]
                        + fx * (_table[bottom + right + c] - _table[bottom + left + c]);
                    scratch[corner + c] = upper + fy * (lower - upper);
                }
            }
        }

        var plane = resolution * resolution;
        for (var j = 0; j < resolution; j++)
        {
            var height = yAt[j + 1] - yAt[j];
            for (var k = 0; k < resolution; k++)
            {
                var area = height * (xAt[k + 1] - xAt[k]);
                var column = plan.Flip ? resolution - 1 - k : k;
                var a = (j * edges + k) * Channels;
                var b = a + Channels;
                var d = ((j + 1) * edges + k) * Channels;
                var e = d + Channels;
                for (var c = 0; c < Channels; c++)
                {
                    var sum = scratch[e + c] - scratch[b + c] - scratch[d + c] + scratch[a + c];
                    var value = area > 0 ? sum / area : 0;
                    target[c * plane + j * resolution + column] = (byte)Math.Clamp((int)(value + 0.5), 0, 255);
                }
            }
        }
    }

    /// <summary>Finds, for each grid edge, its pixel cell and the position inside it.</summary>
    private static void Locate(
        double start, double step, int size, Span<int> cell, Span<double> frac, Span<double> at)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            var position = Math.Clamp(start + i * step, 0, size);
            var whole = Math.Min((int)position, size - 1);
            at[i] = position;
            cell[i] = whole;
            frac[i] = position - whole;
        }
    }
}
