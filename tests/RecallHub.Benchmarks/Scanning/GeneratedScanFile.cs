using System.Globalization;
using System.Text;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Benchmarks.Scanning;

/// <summary>
/// A file of pack scans as a year of deliveries to a busy pharmacy would give them, one code per line with GS written
/// <c>\x1d</c>: 20 000 CIP13 products (valid check digits), 10 lots each with their expiry; 85 % serialised boxes
/// (<c>01</c> <c>17</c> <c>10</c> GS <c>21</c>, a distinct serial each), 10 % DataMatrix without serial, 5 % plain EAN-13.
/// Kept in the temporary folder under a name that changes with <see cref="DataVersion"/> and the count.
/// </summary>
internal static class GeneratedScanFile
{
    /// <summary>Change when the generated lines change.</summary>
    public const string DataVersion = "v1";

    public const int Products = 20_000;

    /// <summary>A valid CIP13, numbered <paramref name="n"/>.</summary>
    public static string Cip13(int n)
    {
        string body = "34009" + (1_000_000 + (n * 37)).ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Lot <paramref name="lot"/> (0–9) of product <paramref name="product"/>: <c>B01234</c>.</summary>
    public static string Lot(int product, int lot) => (char)('A' + lot) + product.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The file of <paramref name="count"/> scans, written first when missing.</summary>
    public static string Ensure(int count)
    {
        string folder = Path.Combine(Path.GetTempPath(), "recallhub-benchmarks");
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"scans-{DataVersion}-{count}.txt"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        string building = path + ".building";
        using (var writer = new StreamWriter(building, append: false, new UTF8Encoding(false), 1 << 16))
        {
            var line = new StringBuilder(64);
            for (int n = 0; n < count; n++)
            {
                // Spread over products the way deliveries mix them; lots follow each other over the year.
                int product = (int)((n * 7_919L) % Products);
                int lot = (n / (count / 10 + 1)) % 10;
                string cip13 = Cip13(product);
                line.Clear();
                int kind = n % 20;
                if (kind == 0)
                {
                    line.Append(cip13);
                }
                else
                {
                    line.Append(CultureInfo.InvariantCulture, $"]d2010{cip13}17{28 + (lot / 6)}{(lot % 12) + 1:D2}00")
                        .Append("10").Append(Lot(product, lot));
                    if (kind > 2)
                    {
                        line.Append(CultureInfo.InvariantCulture, $"\\x1d21{SerialOf(n)}");
                    }
                }

                writer.WriteLine(line);
            }
        }

        File.Move(building, path, overwrite: true);
        return path;
    }

    // Serials look random (FMD asks for unpredictable ones) but are unique: n written in base 36 after a mixing step.
    private static string SerialOf(int n)
    {
        ulong x = ((ulong)(uint)n * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL;
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> text = stackalloc char[12];
        for (int i = text.Length - 1; i >= 0; i--)
        {
            text[i] = digits[(int)(x % 36)];
            x /= 36;
        }

        return new string(text);
    }
}
