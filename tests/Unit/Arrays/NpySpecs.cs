using System.Text;
using ConvSpec.Arrays;
using ConvSpec.IO;

namespace ConvSpec.Tests.Unit.Arrays;

public sealed class NpySpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-npy-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    /// <summary>A .npy file assembled byte by byte, as NumPy lays it out.</summary>
    private static byte[] NpyBytes(string dict, byte[] data, byte major = 1)
    {
        int lengthSize = major == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthSize + dict.Length + 1;
        string header = dict + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.AddRange([major, 0]);
        bytes.AddRange(lengthSize == 2 ? BitConverter.GetBytes((ushort)header.Length) : BitConverter.GetBytes((uint)header.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    private static byte[] Floats(params float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    [Specifies("Rule: arrays travel as .npy")]
    public void A_float32_file_written_the_NumPy_way_reads_back_in_C_order()
    {
        File.WriteAllBytes(PathOf("a.npy"), NpyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", Floats(1, 2, 3, 4, 5, 6)));

        NpyMatrix m = Npy.Read(PathOf("a.npy"));

        m.Dtype.Should().Be(NpyDtype.Float32);
        m.Float32.Should().BeEquivalentTo(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }, "C order fills a row before the next");
    }

    [Fact]
    [Specifies("Rule: arrays travel as .npy")]
    public void Version_2_headers_are_read()
    {
        File.WriteAllBytes(PathOf("v2.npy"),
            NpyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", BitConverter.GetBytes(0.5).Concat(BitConverter.GetBytes(-2.0)).ToArray(), major: 2));

        Npy.Read(PathOf("v2.npy")).Float64.Should().BeEquivalentTo(new double[,] { { 0.5, -2.0 } });
    }

    [Theory]
    [Specifies("Rule: arrays travel as .npy")]
    [InlineData(3, 4)]
    [InlineData(1, 1)]
    [InlineData(0, 5)]
    public void Both_dtypes_survive_a_round_trip_unchanged(int rows, int cols)
    {
        var random = new Random(rows * 31 + cols);
        var singles = new float[rows, cols];
        var doubles = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) (singles[r, c], doubles[r, c]) = (random.NextSingle() - 0.5f, random.NextDouble() * 1e-300);
        }

        Npy.Write(PathOf("f.npy"), singles);
        Npy.Write(PathOf("d.npy"), doubles);

        Npy.Read(PathOf("f.npy")).Should().Match<NpyMatrix>(m => m.Dtype == NpyDtype.Float32 && m.Rows == rows && m.Cols == cols);
        Npy.Read(PathOf("f.npy")).Float32.Should().BeEquivalentTo(singles);
        Npy.Read(PathOf("d.npy")).Dtype.Should().Be(NpyDtype.Float64);
        Npy.Read(PathOf("d.npy")).Float64.Should().BeEquivalentTo(doubles);
    }

    [Fact]
    [Specifies("Rule: arrays travel as .npy")]
    public void Written_data_starts_on_a_64_byte_boundary_as_NumPy_requires()
    {
        Npy.Write(PathOf("m.npy"), new float[2, 2]);

        long headerBytes = new FileInfo(PathOf("m.npy")).Length - 4 * sizeof(float);
        (headerBytes % 64).Should().Be(0, "the preamble and padded header end on a 64-byte boundary, then four 4-byte floats follow");
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-npy", "PK\u0003\u0004 zip file", "not a .npy file" },
        { "fortran", "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", "Fortran" },
        { "int", "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", "dtype '<i4' is not supported" },
        { "big-endian", "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }", "big-endian" },
        { "rank-3", "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }", "rank 3" },
        { "rank-1", "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", "rank 1" },
        { "truncated", "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }", "truncated: a 3×3 float32 array needs 36 bytes, the file has 24" },
    };

    [Theory]
    [Specifies("Rule: bad input names what was wrong")]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_rejected_naming_the_file_and_the_problem(string name, string dict, string problem)
    {
        string path = PathOf(name + ".npy");
        File.WriteAllBytes(path, name == "not-npy" ? Encoding.ASCII.GetBytes(dict) : NpyBytes(dict, Floats(1, 2, 3, 4, 5, 6)));

        Action read = () => Npy.Read(path);

        read.Should().Throw<ConvSpecInputException>().WithMessage($"{path}: *{problem}*");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void Writing_into_a_missing_folder_fails_without_leaving_a_file()
    {
        string path = PathOf("missing/out.npy");

        Action write = () => Npy.Write(path, new float[1, 1]);

        write.Should().Throw<ConvSpecInputException>().WithMessage("*does not exist*");
        Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }
}
