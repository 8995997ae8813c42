using System.Collections;
using System.Globalization;

namespace Tandem.Engine.Logging;

/// <summary>
/// A logging scope of named values (<c>ConnectionId</c>, <c>RunId</c>). Structured formatters (JSON) read its pairs;
/// the plain console formatter prints <see cref="ToString"/>, so a plain line reads <c>=&gt; ConnectionId:… RunId:…</c>
/// instead of a collection's type name.
/// </summary>
public sealed class LogScope(params KeyValuePair<string, object>[] values) : IReadOnlyList<KeyValuePair<string, object>>
{
    public int Count => values.Length;

    public KeyValuePair<string, object> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(' ', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}:{v.Value}")));
}
