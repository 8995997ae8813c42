using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;
using Tandem.Storage.Secrets;

namespace Tandem.Storage.Hosting;

/// <summary>Registers the storage module. The host still calls <see cref="TandemDatabase.MigrateAsync"/> once at start-up.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TandemDatabase"/>, <see cref="SecretProtector"/>, <see cref="AccountStore"/> and
    /// <see cref="ConnectionStore"/> as singletons. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="keyFilePath">The master key file; null puts it at <see cref="TandemDatabase.DefaultKeyFilePath"/>.</param>
    public static OptionsBuilder<DatabaseOptions> AddTandemStorage(this IServiceCollection services, string? keyFilePath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddSingleton(sp => new TandemDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.TryAddSingleton(sp => SecretProtector.FromEnvironmentOrKeyFile(
            keyFilePath ?? sp.GetRequiredService<TandemDatabase>().DefaultKeyFilePath));
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<ConnectionStore>();
        return services.AddOptions<DatabaseOptions>().ValidateOnStart();
    }
}
