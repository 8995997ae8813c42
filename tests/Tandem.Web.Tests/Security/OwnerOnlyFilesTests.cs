using Microsoft.Extensions.DependencyInjection;
using Tandem.Storage;
using Tandem.Storage.Backups;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Security;

/// <summary>Issue 17 item 9: the data folder is its owner's only (0700), the database and its companions 0600, and so is a backup copy.</summary>
public sealed class OwnerOnlyFilesTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_is_0700_and_every_database_file_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        using var user = await server.NewUserAsync();
        var database = server.Server.Services.GetRequiredService<TandemDatabase>().SqliteFilePath!;

        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(database)!));
        var files = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).ToList();
        Assert.Contains(database + "-wal", files);
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerReadWrite, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}.");
        }
    }

    [Fact]
    public async Task A_backup_copy_of_the_database_is_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var copy = Path.Combine(Path.GetTempPath(), "tandem-web-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        try
        {
            await SqliteOnlineBackup.CopyAsync(server.Server.Services.GetRequiredService<TandemDatabase>(), copy, TestContext.Current.CancellationToken);

            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(copy));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }
}
