using System.Globalization;
using System.Text;

namespace Tandem.Bench.VCard;

/// <summary>
/// Writes the two vCard folders of the <c>vcard</c> scenario: A holds cards 0 … n−1 and B cards n/2 … n/2+n−1,
/// so n/2 cards are on both sides with the same file name, UID, email and content, and n/2 on each side only.
/// Cards are vCard 3.0 with CRLF line ends, as most address books export them, and hold what address books hold
/// beyond name and numbers: categories, an inline photo, a nickname, an anniversary (3.0's X-ANNIVERSARY) and an
/// X- property of the address book's own.
/// </summary>
public static class CardFolderGenerator
{
    private static readonly string[] FirstNames = ["Ann", "Bram", "Chloe", "Dirk", "Eva", "Femke", "Gert", "Hanna", "Ivo", "Jana", "Koen", "Lotte"];
    private static readonly string[] LastNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "Smet"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] Teams = ["Blue", "Green", "Orange"];

    // Two small PNGs (1×1, grey and red), so cards do not all carry the same bytes.
    private static readonly string[] PhotosBase64 =
    [
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
    ];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Generate(string folderA, string folderB, int size)
    {
        Directory.CreateDirectory(folderA);
        Directory.CreateDirectory(folderB);
        for (var i = 0; i < size; i++)
        {
            Write(folderA, i, title: "Engineer");
            Write(folderB, i + (size / 2), title: "Engineer");
        }
    }

    /// <summary>The user edits the title and note of <paramref name="count"/> cards that are on both sides, in one folder.</summary>
    public static IReadOnlyList<int> EditShared(string folder, int size, int count, string marker)
    {
        var edited = new List<int>(count);
        var stamp = DateTime.UtcNow.AddSeconds(5);
        for (var k = 0; k < count; k++)
        {
            var index = (size / 2) + (k * (size / 2) / count);
            var path = Write(folder, index, title: $"{marker} {k}");
            File.SetLastWriteTimeUtc(path, stamp);
            edited.Add(index);
        }

        return edited;
    }

    public static string FileName(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{index:D6}.vcf");

    private static string Write(string folder, int index, string title)
    {
        var path = Path.Combine(folder, FileName(index));
        File.WriteAllText(path, Text(index, title), Utf8NoBom);
        return path;
    }

    /// <summary>The text of card <paramref name="index"/> with this title (what a user's edit of the title produces).</summary>
    public static string Text(int index, string title)
    {
        var first = FirstNames[index % FirstNames.Length];
        var last = LastNames[(index / FirstNames.Length) % LastNames.Length];
        var text = new StringBuilder(320)
            .Append("BEGIN:VCARD\r\n")
            .Append("VERSION:3.0\r\n")
            .Append("PRODID:-//Tandem bench//card generator//EN\r\n")
            .Append(CultureInfo.InvariantCulture, $"UID:bench-{index:D6}\r\n")
            .Append(CultureInfo.InvariantCulture, $"FN:{first} {last}\r\n")
            .Append(CultureInfo.InvariantCulture, $"N:{last};{first};;;\r\n")
            .Append(CultureInfo.InvariantCulture, $"EMAIL;TYPE=work:{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{index}@example.com\r\n")
            .Append(CultureInfo.InvariantCulture, $"TEL;TYPE=cell:+32 470 {index / 10000 % 100:D2} {index / 100 % 100:D2} {index % 100:D2}\r\n")
            // The company's office makes name and company unique: the same name at the same company would be a
            // possible match the engine holds for the user to decide, not a contact it creates.
            .Append(CultureInfo.InvariantCulture, $"ORG:{Companies[index % Companies.Length]} {index / Companies.Length};Sales\r\n")
            .Append(CultureInfo.InvariantCulture, $"TITLE:{title}\r\n")
            .Append(CultureInfo.InvariantCulture, $"NOTE:Card {index} of the Tandem bench\r\n")
            .Append(CultureInfo.InvariantCulture, $"NICKNAME:{first}{index % 100}\r\n")
            .Append(CultureInfo.InvariantCulture, $"X-ANNIVERSARY:{2000 + (index % 20)}-{1 + (index % 12):D2}-{1 + (index % 28):D2}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CATEGORIES:Bench,{Teams[index % Teams.Length]}\r\n")
            .Append(CultureInfo.InvariantCulture, $"X-BENCH-TEAM:{Teams[index % Teams.Length]}\r\n")
            .Append(CultureInfo.InvariantCulture, $"PHOTO;ENCODING=b;TYPE=PNG:{PhotosBase64[index % PhotosBase64.Length]}\r\n")
            .Append("END:VCARD\r\n")
            .ToString();
        return text;
    }
}
