using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace PirMesh.Interactions;

/// <summary>Adds the interactions service, with simulated users as its built-in source.</summary>
public static class InteractionsRegistration
{
    public static IBusRegistrationConfigurator AddInteractionsService(this IBusRegistrationConfigurator bus)
    {
        bus.AddSingleton<IInteractionSource, SimulatedUsers>();
        bus.AddConsumer<CollectInteractionsConsumer>();
        return bus;
    }
}
