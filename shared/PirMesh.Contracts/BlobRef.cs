namespace PirMesh.Contracts;

/// <summary>
/// Names one stored blob. Images and checkpoints never travel inside messages; messages carry these instead.
/// </summary>
/// <param name="Key">Store key, <c>{kind}/{sha256}</c>: content-addressed, so the same bytes give the same key.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content; every read is checked against it.</param>
/// <param name="Length">Size of the content in bytes.</param>
public sealed record BlobRef(string Key, string Sha256, long Length);
