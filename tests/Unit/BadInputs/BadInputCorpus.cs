using ConvSpec.Arrays;
using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>
/// The corpus: every case of issue 12 and more, as command → exit code, message, files untouched.
/// Outputs that must not appear are simply absent from the folder afterwards, which the spec checks.
/// </summary>
public static class BadInputCorpus
{
    private static void Text(string dir, string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, name))!);
        File.WriteAllText(Path.Combine(dir, name), text);
    }

    private static void Bytes(string dir, string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(dir, name), bytes);

    private static void Matrix(string dir, string name, float[,] m) => Npy.Write(Path.Combine(dir, name), m);

    private static void Matrix(string dir, string name, double[,] m) => Npy.Write(Path.Combine(dir, name), m);

    private static void Operands(string dir)
    {
        Matrix(dir, "x.npy", new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
        Matrix(dir, "k.npy", new float[,] { { 1, 0 }, { 0, -1 } });
        Matrix(dir, "dy.npy", new float[,] { { 1, 1 }, { 1, 1 } });
    }

    private static void UsersFolder(string dir, string name)
    {
        Text(dir, Path.Combine(name, "notes.txt"), "a user's notes");
        Text(dir, Path.Combine(name, "subdir", "data.bin"), "a user's data");
    }

    private static void SmallPng(string dir, string name) => GrayPng.Save(new float[10, 10], Path.Combine(dir, name));

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // 1. An output folder ConvSpec did not write is never emptied.
        BadInputCase.Of("lab --out into a user's folder", ["lab", "--quick", "--out", "mine"], "convspec: mine: is a folder that ConvSpec did not write and that is not empty*",
            d => UsersFolder(d, "mine")),
        BadInputCase.Of("lab --out . in a folder with files", ["lab", "--quick", "--out", "."], "convspec: .: is a folder that ConvSpec did not write*",
            d => Text(d, "notes.txt", "keep")),
        BadInputCase.Of("lab --out naming a file", ["lab", "--quick", "--out", "notes.txt"], "convspec: notes.txt: is a file; the report needs a folder there.",
            d => Text(d, "notes.txt", "keep")),
        BadInputCase.Of("lab --out in a missing folder", ["lab", "--quick", "--out", "absent/report"], "convspec: absent/report: cannot write the report here: the folder * does not exist."),
        BadInputCase.Of("lab --images without camera.png", ["lab", "--quick", "--out", "report", "--images", "pictures"], "convspec: pictures/camera.png: no such file.",
            d => Text(d, "pictures/other.png", "x")),
        BadInputCase.Of("lab --images with a camera.png that is not an image", ["lab", "--quick", "--out", "report", "--images", "pictures"], "convspec: pictures/camera.png: not an image*",
            d => Text(d, "pictures/camera.png", "not pixels")),
        BadInputCase.Of("lab --images naming a missing folder", ["lab", "--quick", "--out", "report", "--images", "nowhere"], "convspec: nowhere: --images: no such folder."),
        BadInputCase.Of("lab --epochs 0", ["lab", "--epochs", "0", "--out", "report"], "convspec: --epochs 0: train at least one epoch."),

        // 2. Outputs go only to regular files or new paths.
        BadInputCase.Of("conv --npy onto a FIFO", ["conv", "x.npy", "k.npy", "--npy", "fifo"], "convspec: fifo: is a device, FIFO or socket, not a regular file; ConvSpec will not replace it.",
            d => { Operands(d); MakeFifo(Path.Combine(d, "fifo")); }),
        BadInputCase.Of("conv --npy onto a symbolic link", ["conv", "x.npy", "k.npy", "--npy", "link.npy"], "convspec: link.npy: is a symbolic link*",
            d => { Operands(d); Text(d, "canary.txt", "canary"); File.CreateSymbolicLink(Path.Combine(d, "link.npy"), Path.Combine(d, "canary.txt")); }),
        BadInputCase.Of("sobel --png onto a dangling symbolic link", ["sobel", "{camera}", "--npy", "e.npy", "--png", "link.png"], "convspec: link.png: is a symbolic link*",
            d => File.CreateSymbolicLink(Path.Combine(d, "link.png"), Path.Combine(d, "would-be-created.png"))),
        BadInputCase.Of("conv --npy onto a folder", ["conv", "x.npy", "k.npy", "--npy", "out"], "convspec: out: is a folder; an output file is expected.",
            d => { Operands(d); Directory.CreateDirectory(Path.Combine(d, "out")); }),
        BadInputCase.Of("conv --npy into a missing folder", ["conv", "x.npy", "k.npy", "--npy", "absent/y.npy"], "convspec: absent/y.npy: cannot write here: the folder * does not exist.", Operands),

        // 3, 4. Image size is checked from the header, in 64 bits, before decoding.
        BadInputCase.Of("sobel on a 32768×32769 PNG (32-bit overflow)", ["sobel", "huge.png", "--npy", "e.npy"], "convspec: huge.png: the image is 32768×32769 = 1,073,774,592 pixels, more than the limit of 64,000,000; it was not decoded*",
            d => Bytes(d, "huge.png", CraftedFiles.PngClaiming(32768, 32769))),
        BadInputCase.Of("conv-grad on a 32768×32769 PNG", ["conv-grad", "huge.png", "--kernel", "sobel-x", "--dx", "dx.npy"], "convspec: huge.png: the image is 32768×32769*more than the limit*",
            d => Bytes(d, "huge.png", CraftedFiles.PngClaiming(32768, 32769))),
        BadInputCase.Of("sobel on a 12000×12000 PNG bomb", ["sobel", "bomb.png", "--npy", "e.npy"], "convspec: bomb.png: the image is 12000×12000 = 144,000,000 pixels, more than the limit*",
            d => Bytes(d, "bomb.png", CraftedFiles.PngClaiming(12000, 12000))),
        BadInputCase.Of("sobel on a 30000×30000 PNG", ["sobel", "bomb.png", "--npy", "e.npy"], "convspec: bomb.png: the image is 30000×30000*more than the limit*",
            d => Bytes(d, "bomb.png", CraftedFiles.PngClaiming(30000, 30000))),
        BadInputCase.Of("sobel with --max-pixels below the image", ["sobel", "small.png", "--npy", "e.npy", "--max-pixels", "99"], "convspec: small.png: the image is 10×10 = 100 pixels, more than the limit of 99*",
            d => SmallPng(d, "small.png")),
        BadInputCase.Of("sobel --max-pixels 0", ["sobel", "{camera}", "--npy", "e.npy", "--max-pixels", "0"], "convspec: --max-pixels 0: the limit must be between 1 and 500,000,000 pixels."),
        BadInputCase.Of("sobel --max-pixels past the ceiling", ["sobel", "{camera}", "--npy", "e.npy", "--max-pixels", "4000000000"], "convspec: --max-pixels 4000000000: the limit must be between 1 and 500,000,000 pixels."),
        BadInputCase.Of("sobel on a PNG claiming 0 columns", ["sobel", "flat.png", "--npy", "e.npy"], "convspec: flat.png: *",
            d => Bytes(d, "flat.png", CraftedFiles.PngClaiming(0, 5))),

        // 5. Two outputs at one path.
        BadInputCase.Of("conv-grad --dx and --dk at one path", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "g.npy", "--dk", "g.npy"], "convspec: g.npy: is given to both --dx and --dk; each output needs its own file.", Operands),
        BadInputCase.Of("sobel --npy and --png at one path", ["sobel", "{camera}", "--npy", "e.out", "--png", "./e.out"], "convspec: ./e.out: is given to both --npy and --png; each output needs its own file."),

        // 6. What used to end in a stack trace.
        BadInputCase.Of("sobel --resize 100000 100000", ["sobel", "{camera}", "--npy", "e.npy", "--resize", "100000", "100000"], "convspec: --resize 100000 100000: 10,000,000,000 pixels is more than the limit of 64,000,000 (--max-pixels)."),
        BadInputCase.Of("sobel --resize 2147483647 2147483647", ["sobel", "{camera}", "--npy", "e.npy", "--resize", "2147483647", "2147483647"], "convspec: --resize 2147483647 2147483647: *pixels is more than the limit*"),
        BadInputCase.Of("sobel --resize 2 2", ["sobel", "{camera}", "--npy", "e.npy", "--resize", "2", "2"], "convspec: --resize 2 2: the Sobel kernels need at least 3×3 pixels."),
        BadInputCase.Of("train --batch-size 0", ["train", "--batch-size", "0"], "convspec: --batch-size 0: a mini-batch must be at least 1."),
        BadInputCase.Of("train --device cuda on a CPU build", ["train", "--device", "cuda"], "convspec: --device cuda: no CUDA device is usable*"),
        BadInputCase.Of("conv on a .npy whose shape product wraps 64 bits", ["conv", "wrap.npy", "wrap.npy", "--npy", "y.npy"], "convspec: wrap.npy: the data is truncated: a 1352796113×1704501504 float64 array needs 18446744073710831616 bytes, the file has 1280000.",
            d => Bytes(d, "wrap.npy", CraftedFiles.NpyWithShape("1352796113, 1704501504", 1_280_000))),
        BadInputCase.Of("conv on a .npy with a size beyond int", ["conv", "big.npy", "big.npy", "--npy", "y.npy"], "convspec: big.npy: shape (4294967296, 1) is not a list of sizes.",
            d => Bytes(d, "big.npy", CraftedFiles.NpyWithShape("4294967296, 1", 8))),

        // 7. Output locations are checked before the expensive work (training would take minutes).
        BadInputCase.Of("train --metrics into a missing folder", ["train", "--metrics", "absent/m.json"], "convspec: absent/m.json: cannot write here: the folder * does not exist."),
        BadInputCase.Of("train --metrics naming a folder", ["train", "--metrics", "out"], "convspec: out: is a folder; an output file is expected.",
            d => Directory.CreateDirectory(Path.Combine(d, "out"))),
        BadInputCase.Of("train --data naming a file", ["train", "--data", "notes.txt"], "convspec: *notes.txt is a file; MNIST needs a folder*",
            d => Text(d, "notes.txt", "keep")),

        // 7, as an unprivileged user: root may write into a read-only folder, nobody may not.
        BadInputCase.OfNobody("train --metrics into a read-only folder", ["train", "--metrics", "locked/m.json"], "convspec: locked/m.json: cannot write into the folder * (permission denied).",
            d => ReadOnlyFolder(d, "locked")),
        BadInputCase.OfNobody("conv --npy over a read-only file", ["conv", "x.npy", "k.npy", "--npy", "y.npy"], "convspec: y.npy: is not writable (read-only); ConvSpec will not replace it.",
            d => { Operands(d); Text(d, "y.npy", "someone else's result"); ReadOnly(Path.Combine(d, "y.npy")); }),
        BadInputCase.OfNobody("lab --out in a read-only folder", ["lab", "--quick", "--out", "locked/report"], "convspec: locked/report: cannot write into the folder * (permission denied).",
            d => ReadOnlyFolder(d, "locked")),

        // 8. Nonsense values.
        BadInputCase.Of("train --epochs 0", ["train", "--epochs", "0"], "convspec: --epochs 0: the number of epochs must be at least 1."),
        BadInputCase.Of("train --epochs -1", ["train", "--epochs", "-1"], "convspec: --epochs -1: the number of epochs must be at least 1."),
        BadInputCase.Of("train --batch-size -5", ["train", "--batch-size", "-5"], "convspec: --batch-size -5: a mini-batch must be at least 1."),
        BadInputCase.Of("sobel with neither --npy nor --png", ["sobel", "{camera}"], "convspec: sobel writes E to a file: give --npy E.npy, --png E.png or both."),
        BadInputCase.Of("conv without --npy of a result too large for the screen", ["conv", "wide.npy", "k.npy"],
            "convspec: Y is 3×29, more than the 12×12 printed on the screen; give --npy FILE.npy to save it.",
            d => { Operands(d); Matrix(d, "wide.npy", new float[4, 30]); }),
        BadInputCase.Of("sobel --channel 3", ["sobel", "{camera}", "--npy", "e.npy", "--channel", "3"], "convspec: --channel 3: use 0 (red), 1 (green) or 2 (blue)."),

        // 11. Messages.
        BadInputCase.Of("an unknown command", ["frobnicate"], "convspec: unknown command 'frobnicate'; the commands are lab, sobel, conv, conv-grad, train, summary, *"),
        BadInputCase.Of("a folder given as the image", ["sobel", "pictures", "--npy", "e.npy"], "convspec: pictures: is a folder; an image file is expected.",
            d => Directory.CreateDirectory(Path.Combine(d, "pictures"))),
        BadInputCase.Of("a folder given as a .npy", ["conv", "arrays", "k.npy", "--npy", "y.npy"], "convspec: arrays: is a folder; a .npy file is expected.",
            d => { Operands(d); Directory.CreateDirectory(Path.Combine(d, "arrays")); }),
        BadInputCase.Of("an empty kernel", ["conv", "x.npy", "empty.npy", "--npy", "y.npy"], "convspec: empty.npy: the array is 0×3, empty; a convolution needs at least one element.",
            d => { Operands(d); Matrix(d, "empty.npy", new float[0, 3]); }),
        BadInputCase.Of("a choice that is not offered", ["train", "--model", "resnet"], "convspec: Argument 'resnet' not recognized. Must be one of: 'labcnn' 'lenet' (see `convspec train --help`)"),
        BadInputCase.Of("a device that is not offered", ["lab", "--device", "tpu"], "convspec: Argument 'tpu' not recognized. Must be one of: 'cpu' 'cuda' (see `convspec lab --help`)"),
        BadInputCase.Of("--dy with an image", ["conv-grad", "{camera}", "--kernel", "sobel-x", "--dy", "dy.npy", "--dx", "dx.npy"], "convspec: --dy does not apply to an image*", Operands),
        BadInputCase.Of("--kernel with .npy inputs", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "dx.npy", "--kernel", "sobel-x"], "convspec: --kernel does not apply to X.npy K.npy, only to an image.", Operands),
        BadInputCase.Of("--channel with .npy inputs", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "dx.npy", "--channel", "1"], "convspec: --channel does not apply to X.npy K.npy, only to an image.", Operands),
        BadInputCase.Of("--max-pixels with .npy inputs", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "dx.npy", "--max-pixels", "5"], "convspec: --max-pixels does not apply to X.npy K.npy, only to an image.", Operands),

        // Found while building the corpus.
        BadInputCase.Of("a FIFO given as the image (reading would block)", ["sobel", "pipe", "--npy", "e.npy"], "convspec: pipe: is a device, FIFO or socket; an image file is expected.",
            d => MakeFifo(Path.Combine(d, "pipe"))),
        BadInputCase.Of("a FIFO given as a .npy", ["conv", "pipe", "k.npy", "--npy", "y.npy"], "convspec: pipe: is a device, FIFO or socket; a .npy file is expected.",
            d => { Operands(d); MakeFifo(Path.Combine(d, "pipe")); }),
        BadInputCase.Of("a .npy with a negative size", ["conv", "neg.npy", "k.npy", "--npy", "y.npy"], "convspec: neg.npy: shape (-1, 2) is not a list of sizes.",
            d => { Operands(d); Bytes(d, "neg.npy", CraftedFiles.NpyWithShape("-1, 2", 0, "<f4")); }),
        BadInputCase.Of("an empty output path", ["sobel", "{camera}", "--npy", ""], "convspec: --npy: an empty path; name a file."),
        BadInputCase.Of("an empty --metrics path", ["train", "--metrics", ""], "convspec: --metrics: an empty path; name a file."),
        BadInputCase.Of("an empty --out", ["lab", "--quick", "--out", ""], "convspec: --out: an empty path; name a folder for the report."),
        BadInputCase.Of("conv-grad with nothing to write", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy"], "convspec: nothing to write: give --dx, --dk or both.", Operands),
        BadInputCase.Of("lab --out at the root of the file system", ["lab", "--quick", "--out", "/"], "convspec: /: is the root of the file system; name a folder for the report."),
        BadInputCase.Of("lab --out onto a symbolic link to a folder", ["lab", "--quick", "--out", "link"], "convspec: link: is a symbolic link; name a new folder or one ConvSpec wrote.",
            d => { Directory.CreateDirectory(Path.Combine(d, "real")); Directory.CreateSymbolicLink(Path.Combine(d, "link"), Path.Combine(d, "real")); }),

        // 12. Non-finite values: inputs must be finite, an overflowing result is not written.
        BadInputCase.Of("a NaN in an input", ["conv", "nan.npy", "k.npy", "--npy", "y.npy"], "convspec: nan.npy: element (0, 1) is NaN; ConvSpec computes with finite values only.",
            d => { Operands(d); Matrix(d, "nan.npy", new float[,] { { 1, float.NaN }, { 0, 0 } }); }),
        BadInputCase.Of("an infinity in ∂L/∂Y", ["conv-grad", "x.npy", "k.npy", "--dy", "inf.npy", "--dx", "dx.npy"], "convspec: inf.npy: element (1, 0) is +infinity; ConvSpec computes with finite values only.",
            d => { Operands(d); Matrix(d, "inf.npy", new float[,] { { 1, 1 }, { float.PositiveInfinity, 1 } }); }),
        BadInputCase.Of("float32 inputs near 3e38 overflow", ["conv", "x.npy", "k.npy", "--npy", "y.npy"], "convspec: y.npy: not written: Y overflows float32 at (0, 0) (value +infinity); scale the inputs down or convert them to float64.",
            d => { Matrix(d, "x.npy", new float[,] { { 3e38f, 3e38f }, { 3e38f, 3e38f } }); Matrix(d, "k.npy", new float[,] { { 1, 1 }, { 1, 1 } }); }),
        BadInputCase.Of("float64 gradients that overflow", ["conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dk", "dk.npy"], "convspec: dk.npy: not written: ∂L/∂K overflows float64 at (0, 0)*scale the inputs down.",
            d =>
            {
                Matrix(d, "x.npy", new double[,] { { 1e308, 1e308 }, { 1e308, 1e308 } });
                Matrix(d, "k.npy", new double[,] { { 1 } });
                Matrix(d, "dy.npy", new double[,] { { 10, 10 }, { 10, 10 } });
            }),
    ];

    private static void ReadOnlyFolder(string dir, string name)
    {
        Directory.CreateDirectory(Path.Combine(dir, name));
        ReadOnly(Path.Combine(dir, name));
    }

    private static void ReadOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(path, Directory.Exists(path)
            ? UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>A FIFO made with the system's mkfifo, inside the case's own folder.</summary>
    private static void MakeFifo(string path) =>
        CliProcess.RunProgram("mkfifo", Path.GetDirectoryName(path)!, TimeSpan.FromSeconds(10), path).EnsureSuccess("mkfifo");
}
