using MassTransit;
using PirMesh.Contracts;

namespace PirMesh.Coordinator;

/// <summary>
/// Drives a loop: pretrain (or reuse) the GAN, measure its PIR, then per round sample images, collect
/// interactions, train the estimator on all data so far, tune the generator, measure again and compare. A failure
/// of any step ends the loop with <see cref="LoopFaulted"/> naming the step.
/// </summary>
public sealed class LoopStateMachine : MassTransitStateMachine<LoopState>
{
    public LoopStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Ready, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Sampled, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Collected, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Trained, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Tuned, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => Evaluated, e => e.CorrelateById(c => c.Message.LoopId));
        Event(() => PrepareFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));
        Event(() => SamplingFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));
        Event(() => CollectingFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));
        Event(() => TrainingFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));
        Event(() => TuningFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));
        Event(() => EvaluationFailed, e => e.CorrelateById(c => c.Message.Message.LoopId));

        Initially(When(Started)
            .Then(c =>
            {
                c.Saga.Settings = c.Message.Settings;
                c.Saga.Round = 0;
            })
            .Publish(c => new PrepareGenerator(c.Saga.CorrelationId, c.Saga.Settings))
            .TransitionTo(Preparing));

        During(Preparing, When(Ready)
            .Then(c =>
            {
                c.Saga.OriginalGenerator = c.Message.Generator;
                c.Saga.Generator = c.Message.Generator;
                c.Saga.Pretraining = new PretrainOutcome(c.Message.Generator, c.Message.FromCache,
                    c.Message.LossHistory, c.Message.DurationSeconds);
            })
            .Publish(c => Sample(c.Saga, SamplePurpose.Evaluation, c.Saga.Settings.EvaluationImages))
            .TransitionTo(SamplingBaseline));

        During(SamplingBaseline, When(Sampled)
            .Then(c => c.Saga.OriginalSamples = c.Message)
            .Publish(c => Collect(c.Saga, c.Message))
            .TransitionTo(CollectingBaseline));

        During(CollectingBaseline, When(Collected)
            .Then(c =>
            {
                c.Saga.OriginalInteractions = c.Message;
                c.Saga.RoundStartSamples = c.Saga.OriginalSamples;
                c.Saga.RoundStartInteractions = c.Message;
                c.Saga.Round = 1;
            })
            .Publish(c => Sample(c.Saga, SamplePurpose.Training, c.Saga.Settings.ImagesPerRound))
            .TransitionTo(SamplingTraining));

        During(SamplingTraining, When(Sampled)
            .Then(c => c.Saga.TrainingSamples = c.Message)
            .Publish(c => Collect(c.Saga, c.Message))
            .TransitionTo(CollectingTraining));

        During(CollectingTraining, When(Collected)
            .Then(c =>
            {
                c.Saga.TrainingInteractions = c.Message;
                c.Saga.Labelled.Add(new LabelledBatch(c.Message.Batch, c.Message.Interactions));
            })
            .Publish(c => new TrainEstimator(c.Saga.CorrelationId, c.Saga.Round, c.Saga.Labelled.ToList(),
                c.Saga.Settings.Preset, c.Saga.Settings.Estimator, LoopSeeds.For(c.Saga.Settings, c.Saga.Round,
                    "estimator"), c.Saga.OriginalGenerator))
            .TransitionTo(TrainingEstimator));

        During(TrainingEstimator, When(Trained)
            .Then(c => c.Saga.Estimator = c.Message)
            .Publish(c => new TuneGenerator(c.Saga.CorrelationId, c.Saga.Round, c.Saga.Generator,
                c.Message.Estimator, c.Saga.Settings, LoopSeeds.For(c.Saga.Settings, c.Saga.Round, "tune")))
            .TransitionTo(Tuning));

        During(Tuning, When(Tuned)
            .Then(c =>
            {
                c.Saga.Tuning = c.Message;
                c.Saga.Generator = c.Message.Generator;
            })
            .Publish(c => Sample(c.Saga, SamplePurpose.Evaluation, c.Saga.Settings.EvaluationImages))
            .TransitionTo(SamplingAfter));

        During(SamplingAfter, When(Sampled)
            .Then(c => c.Saga.AfterSamples = c.Message)
            .Publish(c => Collect(c.Saga, c.Message))
            .TransitionTo(CollectingAfter));

        During(CollectingAfter, When(Collected)
            .Then(c => c.Saga.AfterInteractions = c.Message)
            .Publish(c => new EvaluateRound(c.Saga.CorrelationId, c.Saga.Round,
                c.Saga.RoundStartInteractions.Interactions, c.Saga.OriginalInteractions.Interactions,
                c.Message.Interactions, c.Saga.Tuning!.EstimatedBefore, c.Saga.Tuning.EstimatedAfter))
            .TransitionTo(Evaluating));

        // One handler with a branch: CloseRound advances the round, so two filtered handlers would both match.
        During(Evaluating, When(Evaluated)
            .Then(c => CloseRound(c.Saga, c.Message))
            .IfElse(c => c.Saga.Round <= c.Saga.Settings.Rounds,
                next => next
                    .Publish(c => Sample(c.Saga, SamplePurpose.Training, c.Saga.Settings.ImagesPerRound))
                    .TransitionTo(SamplingTraining),
                done => done
                    .Publish(c => new LoopCompleted(c.Saga.CorrelationId, c.Saga.Settings, c.Saga.Completed.ToList(),
                        c.Saga.Pretraining!))
                    .TransitionTo(Completed)));

        DuringAny(
            When(PrepareFailed).Publish(c => Faulted(c.Saga, nameof(PrepareGenerator), c.Message.Exceptions))
                .TransitionTo(Failed),
            When(SamplingFailed).Publish(c => Faulted(c.Saga, nameof(GenerateSamples), c.Message.Exceptions))
                .TransitionTo(Failed),
            When(CollectingFailed).Publish(c => Faulted(c.Saga, nameof(CollectInteractions), c.Message.Exceptions))
                .TransitionTo(Failed),
            When(TrainingFailed).Publish(c => Faulted(c.Saga, nameof(TrainEstimator), c.Message.Exceptions))
                .TransitionTo(Failed),
            When(TuningFailed).Publish(c => Faulted(c.Saga, nameof(TuneGenerator), c.Message.Exceptions))
                .TransitionTo(Failed),
            When(EvaluationFailed).Publish(c => Faulted(c.Saga, nameof(EvaluateRound), c.Message.Exceptions))
                .TransitionTo(Failed));
    }

    public State Preparing { get; private set; } = null!;
    public State SamplingBaseline { get; private set; } = null!;
    public State CollectingBaseline { get; private set; } = null!;
    public State SamplingTraining { get; private set; } = null!;
    public State CollectingTraining { get; private set; } = null!;
    public State TrainingEstimator { get; private set; } = null!;
    public State Tuning { get; private set; } = null!;
    public State SamplingAfter { get; private set; } = null!;
    public State CollectingAfter { get; private set; } = null!;
    public State Evaluating { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<StartLoop> Started { get; private set; } = null!;
    public Event<GeneratorReady> Ready { get; private set; } = null!;
    public Event<SamplesGenerated> Sampled { get; private set; } = null!;
    public Event<InteractionsCollected> Collected { get; private set; } = null!;
    public Event<EstimatorTrained> Trained { get; private set; } = null!;
    public Event<GeneratorTuned> Tuned { get; private set; } = null!;
    public Event<RoundEvaluated> Evaluated { get; private set; } = null!;
    public Event<Fault<PrepareGenerator>> PrepareFailed { get; private set; } = null!;
    public Event<Fault<GenerateSamples>> SamplingFailed { get; private set; } = null!;
    public Event<Fault<CollectInteractions>> CollectingFailed { get; private set; } = null!;
    public Event<Fault<TrainEstimator>> TrainingFailed { get; private set; } = null!;
    public Event<Fault<TuneGenerator>> TuningFailed { get; private set; } = null!;
    public Event<Fault<EvaluateRound>> EvaluationFailed { get; private set; } = null!;

    private static GenerateSamples Sample(LoopState loop, SamplePurpose purpose, int count) =>
        new(loop.CorrelationId, loop.Round, purpose, loop.Generator, count,
            LoopSeeds.Samples(loop.Settings, loop.Round, purpose), loop.Settings.Preset);

    private static CollectInteractions Collect(LoopState loop, SamplesGenerated samples) =>
        new(loop.CorrelationId, loop.Round, samples.Purpose, samples.Batch, loop.Settings.Objective,
            loop.Settings.ImpressionsPerImage, LoopSeeds.Interactions(loop.Settings, loop.Round, samples.Purpose));

    private static void CloseRound(LoopState loop, RoundEvaluated evaluation)
    {
        loop.Completed.Add(new RoundOutcome
        {
            Round = loop.Round,
            Evaluation = evaluation,
            Estimator = loop.Estimator!,
            Tuning = loop.Tuning!,
            TrainingSamples = loop.TrainingSamples!,
            TrainingInteractions = loop.TrainingInteractions!,
            BeforeSamples = loop.RoundStartSamples,
            BeforeInteractions = loop.RoundStartInteractions,
            AfterSamples = loop.AfterSamples!,
            AfterInteractions = loop.AfterInteractions!,
        });
        loop.RoundStartSamples = loop.AfterSamples!;
        loop.RoundStartInteractions = loop.AfterInteractions!;
        loop.Round++;
    }

    private static LoopFaulted Faulted(LoopState loop, string step, ExceptionInfo[] exceptions) =>
        new(loop.CorrelationId, step, exceptions.FirstOrDefault()?.Message ?? "unknown error");
}
