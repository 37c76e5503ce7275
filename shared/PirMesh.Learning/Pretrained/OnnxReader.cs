using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace PirMesh.Learning.Pretrained;

/// <summary>
/// Reads ONNX files with OnnxSharp and turns their float initializers and attributes into TorchSharp values.
/// </summary>
internal static class OnnxReader
{
    /// <exception cref="InvalidDataException">The file is not an ONNX model.</exception>
    public static ModelProto ReadModel(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var model = ModelProto.Parser.ParseFrom(stream);
            if (model.Graph is null || model.Graph.Node.Count == 0)
            {
                throw new InvalidDataException($"'{path}' holds no ONNX graph");
            }
            return model;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException($"'{path}' is not a readable ONNX model: {ex.Message}", ex);
        }
    }

    /// <summary>A float32 initializer as a tensor of its declared shape; values from float_data or raw_data.</summary>
    public static Tensor ToTensor(TensorProto proto)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException(
                $"initializer '{proto.Name}' has ONNX data type {proto.DataType}; only float32 is supported");
        }
        var shape = proto.Dims.ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        float[] values;
        if (proto.FloatData.Count > 0)
        {
            values = proto.FloatData.ToArray();
        }
        else
        {
            var raw = proto.RawData.Span;
            values = new float[raw.Length / sizeof(float)];
            // ONNX stores raw data little-endian, as this platform is.
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw).CopyTo(values);
        }
        if (values.Length != count)
        {
            throw new InvalidDataException(
                $"initializer '{proto.Name}' declares {count} values ({string.Join('x', shape)}) but holds "
                + values.Length);
        }
        return tensor(values, shape, dtype: float32);
    }

    public static long[] Ints(NodeProto node, string name, long[] fallback)
    {
        var attribute = node.Attribute.FirstOrDefault(a => a.Name == name);
        return attribute is null ? fallback : attribute.Ints.ToArray();
    }

    public static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    public static float Float(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.F ?? fallback;

    /// <summary>Names the node for error messages: its name, else its first output.</summary>
    public static string Describe(NodeProto node) =>
        $"{node.OpType} node '{(node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault())}'";
}
