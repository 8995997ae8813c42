using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Tandem.Web.Identity;

namespace Tandem.Web.Components.Shared;

/// <summary>
/// A page or part of a page of a signed-in user: every service call goes through <see cref="OwnerAsync"/>, so a page can only
/// reach its own user's accounts and connections; work still running when the user leaves is cancelled.
/// </summary>
public abstract class SignedInComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource leaving = new();

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Cancelled when the user leaves the page or the circuit closes.</summary>
    protected CancellationToken Leaving => leaving.Token;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    protected async Task<Owner> OwnerAsync()
    {
        var state = await (AuthenticationState ?? throw new InvalidOperationException("The page has no authentication state."));
        return Owner.Of(state.User);
    }

    /// <summary>What to tell the user about a failed action; unexpected failures are logged and told in general words.</summary>
    protected IReadOnlyList<string> Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!Problem.IsExpected(exception))
        {
            UiLog.ActionFailed(LoggerFactory.CreateLogger(GetType()), exception.GetType().Name, exception);
        }

        return Problem.Sentences(exception);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            leaving.Cancel();
            leaving.Dispose();
        }
    }
}
