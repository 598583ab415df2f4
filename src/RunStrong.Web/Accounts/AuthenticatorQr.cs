using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace RunStrong.Web.Accounts;

/// <summary>
/// The authenticator key as an <c>otpauth://</c> URI (the Key Uri Format authenticator apps read) and as a QR code
/// drawn in SVG from QRCoder's module matrix: one path, colours as SVG attributes, no style attributes, so it passes
/// the Content-Security-Policy (no inline styles).
/// </summary>
public static class AuthenticatorQr
{
    public const string Issuer = "RunStrong";

    /// <summary><c>otpauth://totp/RunStrong:name?secret=KEY&amp;issuer=RunStrong&amp;digits=6</c>.</summary>
    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(userName)}" +
        $"?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>An accessible inline SVG of the QR code of <paramref name="content"/>, quiet zone included.</summary>
    public static IHtmlContent Svg(string content, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                // A run of dark modules on this row becomes one rectangle.
                var start = x;
                while (x + 1 < size && row[x + 1])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }

        var svg = $"""<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" aria-label="{HtmlEncoder.Default.Encode(label)}" data-testid="two-factor-qr"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
        return new HtmlString(svg);
    }
}
