namespace Tandem.Runtime.Operations;

/// <summary>What a backup holds, or what a restore put back.</summary>
/// <param name="Files">The files, relative to the data folder (the database first).</param>
/// <param name="MasterKeyIncluded">False when the master key came from the environment and must be kept by the operator.</param>
public sealed record BackupSummary(IReadOnlyList<string> Files, bool MasterKeyIncluded);
