using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// Writes JSON byte-for-byte the way the Graph API does (spec §0, §3.2): every non-ASCII character
/// as a lowercase <c>\uXXXX</c> escape, and in REST responses <c>/</c> as <c>\/</c>. Webhook bodies are
/// signed over exactly these bytes, so a receiver that re-serialises instead of hashing what it received
/// computes a different signature — which is the point of emulating it.
/// </summary>
public static class GraphJson
{
    // The relaxed encoder leaves HTML-sensitive ASCII alone (Graph does not escape '<', '+', '&');
    // non-ASCII is rewritten by Escape below, so whatever this encoder does with it does not matter.
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Bytes of a REST response body: non-ASCII escaped, '/' escaped as '\/'.</summary>
    public static byte[] ToResponseBytes(JsonNode node) => Escape(JsonSerializer.SerializeToUtf8Bytes(node, Writer), escapeSlashes: true);

    /// <summary>Bytes of a webhook body: non-ASCII escaped; '/' left alone (whether Meta escapes it there is unconfirmed, §10.3).</summary>
    public static byte[] ToWebhookBytes(JsonNode node) => Escape(JsonSerializer.SerializeToUtf8Bytes(node, Writer), escapeSlashes: false);

    /// <summary>
    /// Rewrites compact JSON so that it is pure ASCII: non-ASCII code points become lowercase UTF-16
    /// <c>\uxxxx</c> escapes (surrogate pairs for astral characters) and existing escapes are lower-cased.
    /// Valid because JSON's structure is ASCII, so non-ASCII bytes can only occur inside strings.
    /// </summary>
    public static byte[] Escape(ReadOnlySpan<byte> json, bool escapeSlashes)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + 32);
        Span<char> utf16 = stackalloc char[2];
        var i = 0;
        while (i < json.Length)
        {
            var b = json[i];
            if (b == (byte)'\\' && i + 1 < json.Length)
            {
                if (json[i + 1] == (byte)'u' && i + 5 < json.Length)
                {
                    Write(output, "\\u"u8);
                    for (var h = i + 2; h < i + 6; h++)
                    {
                        Write(output, [ToLowerHex(json[h])]);
                    }
                    i += 6;
                }
                else
                {
                    Write(output, json.Slice(i, 2));
                    i += 2;
                }
            }
            else if (b < 0x80)
            {
                if (b == (byte)'/' && escapeSlashes)
                {
                    Write(output, "\\/"u8);
                }
                else
                {
                    Write(output, [b]);
                }
                i++;
            }
            else
            {
                Rune.DecodeFromUtf8(json[i..], out var rune, out var consumed);
                var units = rune.EncodeToUtf16(utf16);
                for (var u = 0; u < units; u++)
                {
                    Write(output, Encoding.ASCII.GetBytes($"\\u{(int)utf16[u]:x4}"));
                }
                i += Math.Max(consumed, 1);
            }
        }
        return output.WrittenSpan.ToArray();
    }

    private static byte ToLowerHex(byte b) => b is >= (byte)'A' and <= (byte)'F' ? (byte)(b + 32) : b;

    private static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
