using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PirMesh.Coordinator;
using PirMesh.EstimatorTraining;
using PirMesh.Interactions;
using PirMesh.Sampling;
using PirMesh.ServiceDefaults;
using PirMesh.Statistics;
using PirMesh.Tuning;

namespace PirMesh.Host.Hosting;

/// <summary>
/// Every PirMesh service in one process, on MassTransit's in-memory transport and a local-folder store.
/// </summary>
public static class InProcessMesh
{
    public static IHost Build(string storeRoot, int threads, LogLevel logLevel = LogLevel.Information)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Root)}"] = storeRoot,
            [$"{ComputeOptions.SectionName}:{nameof(ComputeOptions.Threads)}"] = threads.ToString(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddPirMeshDefaults(builder.Configuration);
        builder.Services.AddSingleton<LoopOutcomes>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddAllPirMeshServices();
            bus.AddConsumer<LoopOutcomeConsumer>();
            bus.UsingInMemory((context, cfg) =>
            {
                // Welch's t is infinite when both samples are constant; keep such values representable.
                cfg.ConfigureJsonSerializerOptions(options =>
                {
                    options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
                    return options;
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        var host = builder.Build();
        // Ctrl+C or SIGTERM stops the host, which waits for running consumers; cancelling the tensor work lets a
        // pretraining or tuning job end at its next step instead of running to completion.
        var compute = host.Services.GetRequiredService<Learning.TorchCompute>();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
            .Register(compute.CancelRunningJobs);
        return host;
    }

    /// <summary>Registers the six services' consumers and the coordinator.</summary>
    public static IBusRegistrationConfigurator AddAllPirMeshServices(this IBusRegistrationConfigurator bus)
    {
        // MassTransit 8.4+ reports usage to its vendor by default; PirMesh talks to no host it was not given.
        bus.DisableUsageTelemetry();
        return bus.AddCoordinatorService()
            .AddSamplingService()
            .AddInteractionsService()
            .AddEstimatorTrainingService()
            .AddTuningService()
            .AddStatisticsService();
    }
}
