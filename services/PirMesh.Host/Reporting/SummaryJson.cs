using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PirMesh.Host.Reporting;

/// <summary>Serialises <see cref="SummaryDocument"/> as indented, camelCase JSON.</summary>
internal static class SummaryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new FiniteDoubleConverter() },

        // The file is read by people and scripts, never embedded in HTML, so paths and names stay legible
        // instead of turning '+' or '&' into \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(SummaryDocument summary) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(summary, Options) + "\n");
}
