using static TorchSharp.torch;

namespace PirMesh.Learning.Training;

/// <summary>The pool of real training crops: uint8 pixels [N,3,H,W] and int64 classes [N], kept on the CPU.</summary>
public sealed class RealImages : IDisposable
{
    public RealImages(byte[] pixels, int[] classes, int resolution)
    {
        Pixels = ImageTensors.FromBytes(pixels, classes.Length, resolution, resolution);
        Classes = tensor(classes.Select(c => (long)c).ToArray(), int64);
        Count = classes.Length;
    }

    public Tensor Pixels { get; }

    public Tensor Classes { get; }

    public int Count { get; }

    /// <summary>A random batch in [-1, 1], each image flipped left-right with probability one half.</summary>
    public (Tensor Images, Tensor Classes) Batch(int size, Device device)
    {
        using var scope = NewDisposeScope();
        var index = randint(0, Count, [size], dtype: int64);
        var images = ImageTensors.ToSigned(Pixels.index_select(0, index));
        var flip = rand(size) < 0.5;
        images = where(flip.view(-1, 1, 1, 1), images.flip(3), images);
        return (images.to(device).MoveToOuterDisposeScope(),
            Classes.index_select(0, index).to(device).MoveToOuterDisposeScope());
    }

    public void Dispose()
    {
        Pixels.Dispose();
        Classes.Dispose();
    }
}
