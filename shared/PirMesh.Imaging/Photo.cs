namespace PirMesh.Imaging;

/// <summary>A decoded photo and the class it was assigned to.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Name">File name without the folder.</param>
/// <param name="ClassIndex">Index into the <see cref="ClassMap.ClassNames"/> of the map it was loaded with.</param>
/// <param name="Width">Columns, in pixels.</param>
/// <param name="Height">Rows, in pixels.</param>
/// <param name="Rgb">Height × width × 3 bytes, rows top to bottom, R G B interleaved; alpha dropped.</param>
public sealed record Photo(string Path, string Name, int ClassIndex, int Width, int Height, byte[] Rgb);
