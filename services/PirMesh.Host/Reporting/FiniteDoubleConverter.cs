using System.Text.Json;
using System.Text.Json.Serialization;

namespace PirMesh.Host.Reporting;

/// <summary>
/// Writes NaN and infinities as <c>null</c> and reads <c>null</c> back as NaN. JSON has no literal for them, and
/// a p-value or Cohen's d can be NaN when a batch has no spread; quoted "NaN" would break most readers.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
