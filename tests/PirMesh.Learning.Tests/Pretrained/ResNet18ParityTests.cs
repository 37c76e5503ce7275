using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using PirMesh.Imaging;
using PirMesh.Learning.Pretrained;
using static TorchSharp.torch;

namespace PirMesh.Learning.Tests.Pretrained;

/// <summary>
/// The TorchSharp rebuild of the packaged ResNet-18 against ONNX Runtime running the original files: the
/// preprocessing model, then the network with every stage's value added as an extra graph output.
/// </summary>
public sealed class ResNet18ParityTests(ITestOutputHelper log)
{
    private const double Tolerance = 1e-4;
    private const string LandscapeFolder = "/usr/share/games/endless-sky/images/land";

    [Fact]
    public void Random_images_match_onnx_runtime_at_every_stage()
    {
        var generator = new Random(11);
        var images = Enumerable.Range(0, 2)
            .Select(_ => Enumerable.Range(0, 3 * 224 * 224).Select(_ => (float)generator.NextDouble() * 255).ToArray())
            .ToList();
        AssertParity(images);
    }

    [Fact]
    public void Landscape_photos_match_onnx_runtime_at_every_stage()
    {
        var files = PhotoFolder.ListPhotoFiles(LandscapeFolder).Take(3).ToList();
        Assert.NotEmpty(files);
        AssertParity(files.Select(CentreSquare224).ToList());
    }

    private void AssertParity(IReadOnlyList<float[]> images)
    {
        using var network = ResNet18.Load();
        network.eval();
        var (networkPath, preprocessPath) = ResNet18Files.Locate();
        using var preprocess = new InferenceSession(preprocessPath);
        using var runtime = new InferenceSession(WithStageOutputs(networkPath, network.StageOutputs.Values));
        foreach (var pixels in images)
        {
            var input = new DenseTensor<float>(pixels, [1, 3, 224, 224]);
            using var prepared = preprocess.Run([NamedOnnxValue.CreateFromTensor("OriginalInput", input)]);
            var bgr = prepared.First().AsTensor<float>().ToDenseTensor();
            using var outputs = runtime.Run([NamedOnnxValue.CreateFromTensor("Input247", bgr)]);
            var expected = outputs.ToDictionary(o => o.Name, o => o.AsTensor<float>().ToArray());

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var image = tensor(pixels, [1, 3, 224, 224]) / 255;
            var actual = network.Features(image, ResNet18.Stages);
            foreach (var stage in ResNet18.Stages)
            {
                var reference = expected[network.StageOutputs[stage]];
                var ours = actual[stage].flatten().data<float>().ToArray();
                Assert.Equal(reference.Length, ours.Length);
                var maxDifference = reference.Zip(ours).Max(p => Math.Abs(p.First - p.Second));
                var scale = reference.Max(Math.Abs);
                var relative = maxDifference / scale;
                log.WriteLine($"{stage}: max |difference| {maxDifference:G3}, relative to max |value| {relative:G3}");
                Assert.True(relative < Tolerance, $"{stage}: relative error {relative:G3} exceeds {Tolerance}");
            }
        }
    }

    /// <summary>The original network with each stage's value declared as a graph output.</summary>
    private static byte[] WithStageOutputs(string path, IEnumerable<string> values)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var outputs = model.Graph.Output.Select(o => o.Name).ToHashSet();
        foreach (var value in values.Where(v => !outputs.Contains(v)))
        {
            model.Graph.Output.Add(new ValueInfoProto { Name = value });
        }
        using var stream = new MemoryStream();
        using (var coded = new Google.Protobuf.CodedOutputStream(stream, leaveOpen: true))
        {
            model.WriteTo(coded);
        }
        return stream.ToArray();
    }

    /// <summary>The centre square of a photo, box-sampled to 224 x 224, as planar RGB in 0-255.</summary>
    private static float[] CentreSquare224(string path)
    {
        var (width, height, rgb) = PhotoFolder.DecodeRgb(path);
        var side = Math.Min(width, height);
        var (left, top) = ((width - side) / 2, (height - side) / 2);
        var planes = new float[3 * 224 * 224];
        for (var y = 0; y < 224; y++)
        {
            for (var x = 0; x < 224; x++)
            {
                var source = ((top + y * side / 224) * width + left + x * side / 224) * 3;
                for (var c = 0; c < 3; c++)
                {
                    planes[(c * 224 + y) * 224 + x] = rgb[source + c];
                }
            }
        }
        return planes;
    }
}
