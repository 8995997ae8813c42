namespace Tandem.Sandbox.Workbooks;

/// <summary>
/// The <c>_fm</c> boolean expression over numbered filters (client library README, "Boolean expressions in
/// filtering"): NOT (or !), AND, OR, XOR, parentheses and filter numbers from 1. <c>and</c> and <c>or</c> alone combine
/// every filter. A malformed expression is refused with 406.
/// </summary>
internal sealed class FilterExpression
{
    private readonly List<string> tokens;
    private int position;

    private FilterExpression(List<string> tokens)
    {
        this.tokens = tokens;
    }

    public static Func<IReadOnlyList<bool>, bool> Parse(string? mode, int filters)
    {
        var text = (mode ?? "and").Trim();
        if (text.Length == 0 || text.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            return results => results.All(r => r);
        }

        if (text.Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            return results => results.Count == 0 || results.Any(r => r);
        }

        var parser = new FilterExpression(Tokenize(text));
        var expression = parser.Or(filters);
        return parser.position == parser.tokens.Count ? expression : throw Malformed();
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '!')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    throw Malformed();
                }

                tokens.Add(text[start..i].ToUpperInvariant());
            }
        }

        return tokens;
    }

    private Func<IReadOnlyList<bool>, bool> Or(int filters)
    {
        var left = And(filters);
        while (Peek() is "OR" or "XOR")
        {
            var xor = tokens[position++] == "XOR";
            var (l, r) = (left, And(filters));
            left = xor ? results => l(results) ^ r(results) : results => l(results) || r(results);
        }

        return left;
    }

    private Func<IReadOnlyList<bool>, bool> And(int filters)
    {
        var left = Not(filters);
        while (Peek() == "AND")
        {
            position++;
            var (l, r) = (left, Not(filters));
            left = results => l(results) && r(results);
        }

        return left;
    }

    private Func<IReadOnlyList<bool>, bool> Not(int filters)
    {
        if (Peek() is "NOT" or "!")
        {
            position++;
            var inner = Not(filters);
            return results => !inner(results);
        }

        if (Peek() == "(")
        {
            position++;
            var inner = Or(filters);
            if (Peek() != ")")
            {
                throw Malformed();
            }

            position++;
            return inner;
        }

        if (Peek() is { } token && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= filters)
        {
            position++;
            return results => results[number - 1];
        }

        throw Malformed();
    }

    private string? Peek() => position < tokens.Count ? tokens[position] : null;

    private static WorkbooksApiException Malformed() => new(406, "invalid_filter", "The filter match expression (_fm) is not valid.");
}
