using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace PirMesh.Tuning;

/// <summary>Adds the generator service (pretraining and tuning) to a bus.</summary>
public static class TuningRegistration
{
    public static IBusRegistrationConfigurator AddTuningService(this IBusRegistrationConfigurator bus)
    {
        bus.AddSingleton<PhotoDataSets>();
        bus.AddConsumer<PrepareGeneratorConsumer>();
        bus.AddConsumer<TuneGeneratorConsumer>();
        return bus;
    }
}
