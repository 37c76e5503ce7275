using MassTransit;

namespace PirMesh.Statistics;

/// <summary>Adds the statistics service to a bus.</summary>
public static class StatisticsRegistration
{
    public static IBusRegistrationConfigurator AddStatisticsService(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EvaluateRoundConsumer>();
        return bus;
    }
}
