using System.Text.Json;
using Microsoft.Playwright;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>
/// Checks of a page as a phone or keyboard user meets it: nothing wider than the screen, main actions on screen and
/// clickable, a visible focus indicator, and a name for every control as the browser's own accessibility tree gives it.
/// </summary>
public static class PageChecks
{
    /// <summary>The roles of the controls a user operates; each needs an accessible name.</summary>
    private static readonly HashSet<string> ControlRoles = new(StringComparer.Ordinal)
    {
        "button", "checkbox", "combobox", "link", "listbox", "menuitem", "radio", "searchbox", "slider", "spinbutton", "switch", "textbox",
    };

    private const string OverflowScript = """
        () => {
            const width = innerWidth;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + (e.dataset && e.dataset.test ? `[data-test=${e.dataset.test}]` : '');
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5; })
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
                .slice(0, 8)
                .map(e => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`);
            return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: width, wide };
        }
        """;

    // The element's left and right edges, and the part of the screen's width its clipping frames leave visible.
    private const string ReachScript = """
        e => {
            const frames = [];
            for (let a = e.parentElement; a; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') { a.scrollLeft = 0; frames.push(a); }
            }
            window.scrollTo(0, window.scrollY + e.getBoundingClientRect().top - innerHeight / 2);
            let left = 0, right = innerWidth;
            for (const a of frames) {
                const r = a.getBoundingClientRect();
                left = Math.max(left, r.left + a.clientLeft);
                right = Math.min(right, r.left + a.clientLeft + a.clientWidth);
            }
            const r = e.getBoundingClientRect();
            return [r.left, r.right, left, right, innerWidth];
        }
        """;

    private const string FocusScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return null;
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = !!s.boxShadow && s.boxShadow !== 'none';
            const text = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            const what = e.tagName.toLowerCase() + (e.type ? `[type=${e.type}]` : '') + (e.id ? '#' + e.id : '') + (e.dataset.test ? `[data-test=${e.dataset.test}]` : '') + (text ? ` "${text}"` : '');
            return { what, indicator: outline || shadow, style: `outline ${s.outlineStyle} ${s.outlineWidth}; box-shadow ${s.boxShadow}`, shown: r.width > 1 && r.height > 1 };
        }
        """;

    /// <summary>The page is no wider than the screen: <c>document.scrollingElement.scrollWidth &lt;= innerWidth</c>; the message names the elements that stick out.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.EvaluateAsync<JsonElement>(OverflowScript);
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var innerWidth = result.GetProperty("innerWidth").GetInt32();
        var wide = result.GetProperty("wide").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(scrollWidth <= innerWidth, $"{where}: the page is {scrollWidth}px wide on a {innerWidth}px screen; sticking out: {string.Join(", ", wide)}");
    }

    /// <summary>
    /// The action is reached by scrolling the page up or down only and lies whole within the screen's width there, not
    /// cut off by a frame that scrolls or clips sideways (a table's), and takes a click (nothing covers it). Frames are
    /// put back at their left edge first: the user has not scrolled them, and a script can scroll a box a finger cannot.
    /// </summary>
    public static async Task AssertReachableAsync(IPage page, ILocator action, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        await Assertions.Expect(action).ToBeVisibleAsync();
        var edges = await action.EvaluateAsync<double[]>(ReachScript);
        Assert.True(
            edges[0] >= edges[2] - 0.5 && edges[1] <= edges[3] + 0.5,
            $"{name} lies at {edges[0]:0}..{edges[1]:0}px; only {edges[2]:0}..{edges[3]:0}px of the {edges[4]:0}px screen shows it.");
        await action.ClickAsync(new() { Trial = true });
    }

    /// <summary>The focused element, whether it shows a focus indicator and is itself on screen; null when nothing is focused.</summary>
    public static async Task<FocusedElement?> FocusedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.EvaluateAsync<JsonElement?>(FocusScript);
        if (result is not { ValueKind: JsonValueKind.Object } focused)
        {
            return null;
        }

        return new FocusedElement(
            focused.GetProperty("what").GetString()!,
            focused.GetProperty("indicator").GetBoolean() && focused.GetProperty("shown").GetBoolean(),
            focused.GetProperty("style").GetString()!);
    }

    /// <summary>Every control of the page (by its role in Chromium's accessibility tree) that has no accessible name, described by tag, id, data-test and class.</summary>
    public static async Task<IReadOnlyList<string>> UnnamedControlsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 });
            var tree = await cdp.SendAsync("Accessibility.getFullAXTree") ?? throw new InvalidOperationException("No accessibility tree.");
            var unnamed = new List<string>();
            foreach (var node in tree.GetProperty("nodes").EnumerateArray())
            {
                if (node.GetProperty("ignored").GetBoolean()
                    || !node.TryGetProperty("role", out var role) || !ControlRoles.Contains(role.GetProperty("value").GetString() ?? "")
                    || (node.TryGetProperty("name", out var name) && !string.IsNullOrWhiteSpace(name.GetProperty("value").GetString()))
                    || !node.TryGetProperty("backendDOMNodeId", out var backend))
                {
                    continue;
                }

                var described = await cdp.SendAsync("DOM.describeNode", new Dictionary<string, object> { ["backendNodeId"] = backend.GetInt32() });
                unnamed.Add($"{role.GetProperty("value").GetString()} {Describe(described!.Value.GetProperty("node"))}");
            }

            return unnamed;
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    private static string Describe(JsonElement node)
    {
        var attributes = node.TryGetProperty("attributes", out var list) ? list.EnumerateArray().Select(a => a.GetString() ?? "").ToList() : [];
        var shown = new List<string>();
        for (var i = 0; i + 1 < attributes.Count; i += 2)
        {
            if (attributes[i] is "id" or "data-test" or "class" or "type" or "name")
            {
                shown.Add($"{attributes[i]}=\"{attributes[i + 1]}\"");
            }
        }

        return $"<{node.GetProperty("localName").GetString()} {string.Join(' ', shown)}>";
    }
}

/// <summary>The element that has the keyboard focus.</summary>
/// <param name="What">Its tag, type, id, data-test and text.</param>
/// <param name="ShowsFocus">It has a non-empty outline or box-shadow and is itself on screen.</param>
/// <param name="Style">Its outline and box-shadow, for the failure message.</param>
public sealed record FocusedElement(string What, bool ShowsFocus, string Style);
