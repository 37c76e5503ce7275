using MassTransit;

namespace PirMesh.Sampling;

/// <summary>Adds the sample-generation service to a bus.</summary>
public static class SamplingRegistration
{
    public static IBusRegistrationConfigurator AddSamplingService(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GenerateSamplesConsumer>();
        return bus;
    }
}
