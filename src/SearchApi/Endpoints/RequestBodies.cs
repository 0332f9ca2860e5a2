using System.IO.Compression;
using System.Text;
using Microsoft.Net.Http.Headers;
using SearchApi.Core.Parsing;
using SearchApi.Errors;

namespace SearchApi.Endpoints;

/// <summary>Reads request bodies within their size limits and checks their content type.</summary>
public static class RequestBodies
{
    /// <summary>The media type of the body ("application/json"), lower case, without parameters; empty when absent.</summary>
    public static string MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() ?? "" : "";

    public static ApiException Unsupported(string mediaType, params string[] accepted) => new(ApiErrors.UnsupportedMediaType,
        $"Content-Type '{(mediaType.Length == 0 ? "(none)" : mediaType)}' is not accepted here; send {string.Join(" or ", accepted)}.");

    /// <summary>The whole body (decompressed), refused (413) beyond <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream();
        await using var body = Limited(request, limit);
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The whole body as UTF-8 text: bytes that are not UTF-8 are refused (422 invalid_text), never replaced.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken) =>
        Utf8Text.TryDecode(await ReadBytesAsync(request, limit, cancellationToken), out var badByte)
            ?? throw new ApiException(ApiErrors.InvalidText, Utf8Text.Problem("The body", badByte));

    /// <summary>
    /// The body, decompressed when sent with Content-Encoding: gzip, failing (413) once more than <paramref name="limit"/>
    /// bytes come out. A body that is not valid gzip (corrupt, a bad checksum, cut short: the runtime's strict
    /// validation is on, see Directory.Build.props) fails with 400 invalid_gzip; another encoding with 415.
    /// </summary>
    public static Stream Limited(HttpRequest request, long limit)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        return encoding switch
        {
            "" or "identity" => new LimitedReadStream(request.Body, limit),
            "gzip" or "x-gzip" => new LimitedReadStream(new GZipStream(request.Body, CompressionMode.Decompress), limit),
            _ => throw new ApiException(ApiErrors.UnsupportedEncoding,
                $"Content-Encoding '{encoding}' is not accepted here; send the body as it is or with Content-Encoding: gzip."),
        };
    }

    private static ApiException InvalidGzip() => new(ApiErrors.InvalidGzip,
        "The body is sent with Content-Encoding: gzip but is not valid gzip: it is corrupt, cut short, or not compressed at all.");

    public static ApiException TooLarge(long limit) =>
        new(ApiErrors.PayloadTooLarge, $"The body is larger than {limit:N0} bytes, the limit for this endpoint.");

    /// <summary>
    /// Reads through to another stream, throwing <see cref="ApiException"/> past a byte limit (413) and for gzip that is
    /// not valid (400).
    /// </summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Core.IO.PassThroughStream(inner)
    {
        private long _read;

        protected override int Read(int count)
        {
            _read += count;
            if (_read > limit) throw TooLarge(limit);
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return base.Read(buffer, offset, count);
            }
            catch (InvalidDataException)
            {
                throw InvalidGzip();
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await base.ReadAsync(buffer, cancellationToken);
            }
            catch (InvalidDataException)
            {
                throw InvalidGzip();
            }
        }
    }
}
