using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PirMesh.Learning;
using PirMesh.Learning.Training;
using PirMesh.Storage;

namespace PirMesh.ServiceDefaults;

/// <summary>Registrations every PirMesh service needs: options, the blob store, the compute thread, progress.</summary>
public static class PirMeshDefaults
{
    public static IServiceCollection AddPirMeshDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComputeOptions>().Bind(configuration.GetSection(ComputeOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStore>(sp =>
            new LocalFolderBlobStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Root));
        services.AddSingleton(sp => new TorchCompute(sp.GetRequiredService<IOptions<ComputeOptions>>().Value.Threads));
        services.AddSingleton<IProgress<TrainingProgress>>(new ConsoleProgress(Console.Out));
        return services;
    }
}
