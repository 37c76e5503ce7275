using MassTransit;

namespace PirMesh.Coordinator;

/// <summary>Adds the loop coordinator (a state machine kept in memory) to a bus.</summary>
public static class CoordinatorRegistration
{
    public static IBusRegistrationConfigurator AddCoordinatorService(this IBusRegistrationConfigurator bus)
    {
        bus.AddSagaStateMachine<LoopStateMachine, LoopState>().InMemoryRepository();
        return bus;
    }
}
