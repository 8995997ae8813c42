using System.Text;

namespace Tandem.Web.Hooks;

/// <summary>Reads a webhook delivery's body, refusing one larger than any vendor sends.</summary>
internal static class WebhookBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <exception cref="FormatException">The body is larger than <see cref="MaxBytes"/>.</exception>
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new FormatException($"The delivery is larger than {MaxBytes / 1024} KiB.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new FormatException($"The delivery is larger than {MaxBytes / 1024} KiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
