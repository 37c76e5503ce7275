namespace PirMesh.Imaging;

/// <summary>Where one crop is cut from: a square of side <paramref name="Side"/> at (X, Y), in pixels.</summary>
internal readonly record struct CropPlan(int Photo, double X, double Y, double Side, bool Flip);
