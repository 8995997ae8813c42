namespace Tandem.Domain.Rules;

/// <summary>Thrown when rules that do not validate are compiled for evaluation.</summary>
public sealed class RuleValidationException : Exception
{
    public RuleValidationException(IReadOnlyList<RuleError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public RuleValidationException()
        : this([])
    {
    }

    public RuleValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RuleValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RuleError> Errors { get; }
}
