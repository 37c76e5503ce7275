using MassTransit;

namespace PirMesh.EstimatorTraining;

/// <summary>Adds the estimator-training service to a bus.</summary>
public static class EstimatorTrainingRegistration
{
    public static IBusRegistrationConfigurator AddEstimatorTrainingService(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TrainEstimatorConsumer>();
        return bus;
    }
}
