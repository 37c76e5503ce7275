using static TorchSharp.torch;

namespace PirMesh.Learning;

/// <summary>Conversions between 8-bit RGB pixels (NCHW bytes) and float tensors.</summary>
public static class ImageTensors
{
    /// <summary>Bytes [N,3,H,W] to a uint8 tensor of that shape.</summary>
    public static Tensor FromBytes(byte[] pixels, int count, int height, int width)
    {
        if (pixels.Length != (long)count * 3 * height * width)
        {
            throw new ArgumentException(
                $"{pixels.Length} bytes do not hold {count} RGB images of {height}x{width}", nameof(pixels));
        }
        return tensor(pixels, new long[] { count, 3, height, width }, uint8);
    }

    /// <summary>Images in [-1, 1] (generator output) to bytes, rounding to the nearest level.</summary>
    public static byte[] ToBytes(Tensor signedImages)
    {
        using var scope = NewDisposeScope();
        var levels = ((signedImages.detach().cpu() + 1) * 127.5f).round().clamp(0, 255).to(uint8).contiguous();
        return levels.data<byte>().ToArray();
    }

    /// <summary>uint8 pixels to floats in [0, 1].</summary>
    public static Tensor ToUnit(Tensor bytes) => bytes.to(float32) / 255f;

    /// <summary>uint8 pixels to floats in [-1, 1].</summary>
    public static Tensor ToSigned(Tensor bytes) => bytes.to(float32) / 127.5f - 1f;
}
