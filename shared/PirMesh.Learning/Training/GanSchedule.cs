namespace PirMesh.Learning.Training;

/// <summary>How long and how fast a GAN trains, and how much the PIR estimate weighs.</summary>
public sealed record GanSchedule(
    int Steps, int BatchSize, double GeneratorLr, double DiscriminatorLr, double PirWeight, double FakeClassWeight,
    double RealClassWeight, int LogEvery)
{
    public static GanSchedule Pretraining(Preset p) => new(p.PretrainSteps, p.BatchSize, p.PretrainGeneratorLr,
        p.PretrainDiscriminatorLr, 0, p.FakeClassWeight, p.RealClassWeight, p.LogEvery);

    public static GanSchedule Tuning(Preset p) => new(p.TuneSteps, p.BatchSize, p.TuneGeneratorLr,
        p.TuneDiscriminatorLr, p.PirWeight, p.FakeClassWeight, p.RealClassWeight, p.LogEvery);
}
