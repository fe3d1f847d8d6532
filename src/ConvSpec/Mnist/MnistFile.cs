namespace ConvSpec.Mnist;

/// <summary>One of MNIST's four files, with the official md5 of its raw and of its gzip form.</summary>
public sealed record MnistFile(string Name, string RawMd5, string GzipMd5)
{
    public static readonly MnistFile TrainImages =
        new("train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb", "f68b3c2dcbeaaa9fbdd348bbdeb94873");

    public static readonly MnistFile TrainLabels =
        new("train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624", "d53e105ee54ea40749a09fcbcd1e9432");

    public static readonly MnistFile TestImages =
        new("t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea", "9fb629c4189551a2d022fa330f9573f3");

    public static readonly MnistFile TestLabels =
        new("t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637", "ec29112dd5afa0611ce80d1b7f02629c");

    public static IReadOnlyList<MnistFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    public string GzipName => Name + ".gz";
}
