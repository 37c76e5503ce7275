using MassTransit;
using PirMesh.Contracts;

namespace PirMesh.Coordinator;

/// <summary>Where one feedback loop stands, and everything it has produced so far.</summary>
public sealed class LoopState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public LoopSettings Settings { get; set; } = null!;

    /// <summary>Round in progress, from 1.</summary>
    public int Round { get; set; }

    public PretrainOutcome? Pretraining { get; set; }

    /// <summary>The pretrained generator, as the loop's common baseline.</summary>
    public BlobRef OriginalGenerator { get; set; } = null!;

    /// <summary>The generator the current round starts from.</summary>
    public BlobRef Generator { get; set; } = null!;

    public SamplesGenerated OriginalSamples { get; set; } = null!;

    public InteractionsCollected OriginalInteractions { get; set; } = null!;

    public SamplesGenerated RoundStartSamples { get; set; } = null!;

    public InteractionsCollected RoundStartInteractions { get; set; } = null!;

    /// <summary>Every image batch with interactions so far; the estimator trains on all of them.</summary>
    public List<LabelledBatch> Labelled { get; set; } = new();

    public SamplesGenerated? TrainingSamples { get; set; }

    public InteractionsCollected? TrainingInteractions { get; set; }

    public EstimatorTrained? Estimator { get; set; }

    public GeneratorTuned? Tuning { get; set; }

    public SamplesGenerated? AfterSamples { get; set; }

    public InteractionsCollected? AfterInteractions { get; set; }

    public List<RoundOutcome> Completed { get; set; } = new();
}
