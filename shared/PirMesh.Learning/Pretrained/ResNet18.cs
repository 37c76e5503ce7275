using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace PirMesh.Learning.Pretrained;

/// <summary>
/// The ImageNet-pretrained ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>, rebuilt node by node from
/// its ONNX graph (22 convolutions with the exporter's asymmetric pads, batch norms, residual additions) together
/// with the package's preprocessing (RGB to BGR, pixels 0-255 minus a 224 x 224 mean image). Images of any size
/// are resized inside the graph, so gradients reach the pixels. Every weight is a trainable parameter named after
/// its ONNX initializer; the batch-norm statistics are fixed buffers.
/// </summary>
public sealed class ResNet18 : Module<Tensor, Tensor>
{
    /// <summary>The input side the network was trained and exported at.</summary>
    public const int NativeSide = 224;

    /// <summary>Length of the pooled feature vector.</summary>
    public const int FeatureCount = 512;

    public const string Stem = "stem";
    public const string Pooled = "pooled";

    /// <summary>
    /// Points of the network objectives can read: the stem (after the max-pool), the last residual block of each
    /// of the four layers, and the globally pooled features.
    /// </summary>
    public static IReadOnlyList<string> Stages { get; } = [Stem, "layer1", "layer2", "layer3", "layer4", Pooled];

    private static readonly int[] StageChannels = [64, 64, 128, 256, 512, 512];

    private static readonly Dictionary<(int Side, string Device), ResNet18> FrozenCopies = [];

    private readonly List<GraphStep> steps;
    private readonly string inputName;
    private readonly Dictionary<string, string> stageValues;
    private readonly Dictionary<string, int> stepOfValue;
    private readonly long[] channelOrder;

    private ResNet18(GraphProto graph, long[] channelOrder, Tensor meanImage, int side, string source)
        : base(nameof(ResNet18))
    {
        if (side < 32 || side % 32 != 0)
        {
            // The exported graph pads its strided 3x3 convolutions only on the top and left, which matches the
            // 1x1 shortcut's output size only while every stage's input has an even side.
            throw new ArgumentOutOfRangeException(nameof(side), side,
                "the ResNet-18 input side must be a multiple of 32 (it halves the image five times)");
        }
        Side = side;
        this.channelOrder = channelOrder;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        inputName = graph.Input.Select(i => i.Name).FirstOrDefault(n => !initializers.ContainsKey(n))
            ?? throw new InvalidDataException($"'{source}' declares no image input");
        var channels = new Dictionary<string, long> { [inputName] = 3 };
        steps = [];
        foreach (var node in graph.Node)
        {
            var step = Import(node, initializers, channels);
            steps.Add(step);
        }
        stepOfValue = steps.Select((s, i) => (s.Output, i)).ToDictionary(p => p.Output, p => p.i);
        stageValues = FindStages(graph, channels, source);
        register_buffer("mean_image", ResizeMeanImage(meanImage, side));
    }

    /// <summary>Side of the square the images are resized to before the network (224 unless chosen smaller).</summary>
    public int Side { get; }

    /// <summary>Name of the ONNX value each stage reads, for comparing against other runtimes.</summary>
    public IReadOnlyDictionary<string, string> StageOutputs => stageValues;

    /// <summary>Filters (channels) at a stage.</summary>
    /// <exception cref="ArgumentException">The stage is not one of <see cref="Stages"/>.</exception>
    public static int FilterCount(string stage)
    {
        var index = Stages.ToList().IndexOf(stage);
        if (index < 0)
        {
            throw new ArgumentException(
                $"unknown ResNet-18 stage '{stage}'; expected one of: {string.Join(", ", Stages)}", nameof(stage));
        }
        return StageChannels[index];
    }

    /// <summary>Loads the network and its preprocessing from <see cref="ResNet18Files"/>.</summary>
    /// <param name="side">Input side; 224 is exact, smaller sides trade fidelity for speed.</param>
    /// <param name="folder">Folder of the ONNX files; default <see cref="ResNet18Files.Folder"/>.</param>
    public static ResNet18 Load(int side = NativeSide, string? folder = null)
    {
        var (networkPath, preprocessPath) = ResNet18Files.Locate(folder);
        // Loading creates tensors; a caller's dispose scope must not take the network's weights with it.
        using var scope = NewDisposeScope();
        var (order, mean) = ReadPreprocessing(preprocessPath);
        var model = OnnxReader.ReadModel(networkPath);
        var network = new ResNet18(model.Graph, order, mean, side, networkPath);
        foreach (var weight in network.parameters().Cast<Tensor>().Concat(network.buffers()))
        {
            weight.DetachFromDisposeScope();
        }
        return network;
    }

    /// <summary>
    /// A process-wide copy for scoring only: frozen (no gradients), in inference mode, on <paramref name="device"/>.
    /// Loaded on first use and kept, so objectives do not parse the 64 MB file for every batch.
    /// </summary>
    public static ResNet18 Frozen(int side, Device device)
    {
        lock (FrozenCopies)
        {
            var key = (side, device.ToString());
            if (!FrozenCopies.TryGetValue(key, out var network))
            {
                network = Load(side);
                network.to(device);
                foreach (var parameter in network.parameters())
                {
                    parameter.requires_grad = false;
                }
                network.eval();
                FrozenCopies[key] = network;
            }
            return network;
        }
    }

    /// <summary>Pooled features [N, 512] of images [N, 3, H, W] with pixels in [0, 1].</summary>
    public override Tensor forward(Tensor images) => Features(images, [Pooled])[Pooled];

    /// <summary>
    /// Outputs of the named <see cref="Stages"/>: [N, C, h, w] for the convolutional stages, [N, 512] for
    /// <c>pooled</c>. Only the part of the network the deepest requested stage needs is run.
    /// </summary>
    public Dictionary<string, Tensor> Features(Tensor images, IReadOnlyCollection<string> stages)
    {
        if (images.dim() != 4 || images.shape[1] != 3)
        {
            throw new ArgumentException(
                $"expected images [N, 3, H, W], got [{string.Join(", ", images.shape)}]", nameof(images));
        }
        foreach (var stage in stages)
        {
            FilterCount(stage);
        }
        using var scope = NewDisposeScope();
        var wanted = stages.ToDictionary(s => stageValues[s], s => s);
        var last = wanted.Keys.Max(v => stepOfValue[v]);
        var values = new Dictionary<string, Tensor> { [inputName] = Preprocess(images) };
        var results = new Dictionary<string, Tensor>();
        for (var i = 0; i <= last; i++)
        {
            var step = steps[i];
            var value = step.Run(step.Inputs.Select(n => values[n]).ToArray(), Weight);
            values[step.Output] = value;
            if (wanted.TryGetValue(step.Output, out var stage))
            {
                results[stage] = stage == Pooled ? value.flatten(1) : value;
            }
        }
        foreach (var result in results.Values)
        {
            result.MoveToOuterDisposeScope();
        }
        return results;
    }

    /// <summary>The package's preprocessing on [0, 1] pixels, after resizing to <see cref="Side"/>.</summary>
    public Tensor Preprocess(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images;
        if (x.shape[2] != Side || x.shape[3] != Side)
        {
            x = F.interpolate(x, [Side, Side], mode: InterpolationMode.Bilinear, align_corners: false);
        }
        var order = tensor(channelOrder, device: x.device);
        var reordered = (x * 255).index_select(1, order);
        return (reordered - get_buffer("mean_image")!).MoveToOuterDisposeScope();
    }

    private Tensor Weight(string name) =>
        get_parameter(name) ?? get_buffer(name)
        ?? throw new InvalidOperationException($"the imported network has no weight named '{name}'");

    private GraphStep Import(NodeProto node, Dictionary<string, TensorProto> initializers,
        Dictionary<string, long> channels)
    {
        var output = node.Output.Single();
        string Value(int index)
        {
            var name = node.Input[index];
            if (!channels.ContainsKey(name))
            {
                throw new InvalidDataException(
                    $"{OnnxReader.Describe(node)} reads '{name}', which no earlier node produces");
            }
            return name;
        }
        Tensor Initializer(int index)
        {
            var name = node.Input[index];
            return initializers.TryGetValue(name, out var proto) ? OnnxReader.ToTensor(proto)
                : throw new InvalidDataException($"{OnnxReader.Describe(node)} expects '{name}' to be a weight");
        }
        string Trainable(int index)
        {
            register_parameter(node.Input[index], new Parameter(Initializer(index)));
            return node.Input[index];
        }
        string Fixed(int index)
        {
            register_buffer(node.Input[index], Initializer(index));
            return node.Input[index];
        }

        GraphStep step;
        switch (node.OpType)
        {
            case "Conv":
                var autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8();
                if (autoPad is { Length: > 0 } and not "NOTSET")
                {
                    throw new NotSupportedException($"{OnnxReader.Describe(node)} uses auto_pad {autoPad}");
                }
                var input = Value(0);
                var weight = Trainable(1);
                var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? Trainable(2) : null;
                channels[output] = get_parameter(weight)!.shape[0];
                step = new ConvStep(output, input, weight, bias, OnnxReader.Ints(node, "strides", [1, 1]),
                    OnnxReader.Ints(node, "pads", [0, 0, 0, 0]), OnnxReader.Ints(node, "dilations", [1, 1]),
                    OnnxReader.Int(node, "group", 1));
                break;
            case "BatchNormalization":
                var bnInput = Value(0);
                step = new BatchNormStep(output, bnInput, Trainable(1), Trainable(2), Fixed(3), Fixed(4),
                    OnnxReader.Float(node, "epsilon", 1e-5f));
                channels[output] = channels[bnInput];
                if (get_parameter(node.Input[1])!.shape[0] != channels[bnInput])
                {
                    throw new InvalidDataException(
                        $"{OnnxReader.Describe(node)} has parameters for {get_parameter(node.Input[1])!.shape[0]} "
                        + $"channels but its input has {channels[bnInput]}");
                }
                break;
            case "Relu":
                step = new ReluStep(output, Value(0));
                channels[output] = channels[node.Input[0]];
                break;
            case "Add":
                step = new AddStep(output, Value(0), Value(1));
                channels[output] = channels[node.Input[0]];
                break;
            case "MaxPool":
                step = new MaxPoolStep(output, Value(0), OnnxReader.Ints(node, "kernel_shape", []),
                    OnnxReader.Ints(node, "strides", [1, 1]), OnnxReader.Ints(node, "pads", [0, 0, 0, 0]));
                channels[output] = channels[node.Input[0]];
                break;
            case "AveragePool" or "GlobalAveragePool":
                if (node.OpType == "AveragePool"
                    && OnnxReader.Ints(node, "pads", [0, 0, 0, 0]).Any(p => p != 0))
                {
                    throw new NotSupportedException($"{OnnxReader.Describe(node)} pads its input");
                }
                step = new GlobalAverageStep(output, Value(0));
                channels[output] = channels[node.Input[0]];
                break;
            default:
                throw new NotSupportedException(
                    $"{OnnxReader.Describe(node)}: operator {node.OpType} is not part of the ResNet-18 import");
        }
        return step;
    }

    /// <summary>
    /// Finds the stage outputs from the graph's shape: the stem is the max-pool's output; a residual block ends
    /// in a ReLU of an addition; the four layers are the runs of blocks of equal width, each ending at its last
    /// block; the pooled features are the graph's output.
    /// </summary>
    private Dictionary<string, string> FindStages(GraphProto graph, Dictionary<string, long> channels, string source)
    {
        var producedBy = steps.ToDictionary(s => s.Output);
        var stem = steps.OfType<MaxPoolStep>().FirstOrDefault()?.Output
            ?? throw new InvalidDataException($"'{source}' has no max-pool after its first convolution");
        var blockEnds = steps.OfType<ReluStep>()
            .Where(r => producedBy.TryGetValue(r.Inputs[0], out var from) && from is AddStep)
            .Select(r => r.Output).ToList();
        var layers = new List<string>();
        for (var i = 0; i < blockEnds.Count; i++)
        {
            if (i == blockEnds.Count - 1 || channels[blockEnds[i + 1]] != channels[blockEnds[i]])
            {
                layers.Add(blockEnds[i]);
            }
        }
        var output = graph.Output.Single().Name;
        var found = new List<string> { stem };
        found.AddRange(layers);
        found.Add(output);
        if (found.Count != Stages.Count
            || found.Select(v => channels[v]).Zip(StageChannels).Any(p => p.First != p.Second))
        {
            throw new InvalidDataException(
                $"'{source}' does not have ResNet-18's shape: expected stages of "
                + $"{string.Join("/", StageChannels)} channels, found "
                + string.Join("/", found.Select(v => channels[v])));
        }
        return Stages.Zip(found).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>
    /// Reads the package's preprocessing graph: a Split of the RGB input into channels, a Concat that reorders
    /// them, and a Sub of a mean image. Returns the channel order and the mean image [1, 3, 224, 224].
    /// </summary>
    private static (long[] Order, Tensor Mean) ReadPreprocessing(string path)
    {
        var graph = OnnxReader.ReadModel(path).Graph;
        var ops = graph.Node.Select(n => n.OpType).ToList();
        if (string.Join(",", ops) != "Split,Concat,Sub")
        {
            var shown = string.Join(", ", ops.Take(5)) + (ops.Count > 5 ? $", ... ({ops.Count} nodes)" : "");
            throw new InvalidDataException($"'{path}' is not the expected Split, Concat, Sub preprocessing: {shown}");
        }
        var split = graph.Node[0].Output.ToList();
        var order = graph.Node[1].Input.Select(name => (long)split.IndexOf(name)).ToArray();
        if (order.Length != 3 || order.Any(i => i < 0))
        {
            throw new InvalidDataException($"'{path}' does not reorder the three split channels");
        }
        var meanName = graph.Node[2].Input[1];
        var mean = graph.Initializer.FirstOrDefault(t => t.Name == meanName)
            ?? throw new InvalidDataException($"'{path}' has no mean image '{meanName}'");
        return (order, OnnxReader.ToTensor(mean).reshape(1, 3, NativeSide, NativeSide));
    }

    private static Tensor ResizeMeanImage(Tensor mean, int side)
    {
        if (side == NativeSide)
        {
            return mean.clone();
        }
        // Area averaging when shrinking keeps the mean image's local averages; bilinear when growing.
        return side < NativeSide
            ? F.interpolate(mean, [side, side], mode: InterpolationMode.Area)
            : F.interpolate(mean, [side, side], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
