namespace ConvSpec.Mnist;

/// <summary>Images read from an IDX file: <see cref="Pixels"/> holds Count × Rows × Columns bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
