namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Seeded test matrices and the small linear algebra the specs check against.</summary>
internal static class Matrices
{
    public static double[,] Random(int rows, int cols, int seed, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) m[r, c] = low + (high - low) * random.NextDouble();
        }
        return m;
    }

    public static float[,] ToFloat(double[,] m)
    {
        var f = new float[m.GetLength(0), m.GetLength(1)];
        for (int r = 0; r < m.GetLength(0); r++)
        {
            for (int c = 0; c < m.GetLength(1); c++) f[r, c] = (float)m[r, c];
        }
        return f;
    }

    public static T[,] Transpose<T>(T[,] m)
    {
        var t = new T[m.GetLength(1), m.GetLength(0)];
        for (int r = 0; r < m.GetLength(0); r++)
        {
            for (int c = 0; c < m.GetLength(1); c++) t[c, r] = m[r, c];
        }
        return t;
    }

    public static double[,] Row(params double[] values)
    {
        var m = new double[1, values.Length];
        for (int c = 0; c < values.Length; c++) m[0, c] = values[c];
        return m;
    }

    /// <summary>Row-major vec(M), the order the convolution matrix uses.</summary>
    public static double[] Vec(double[,] m) => m.Cast<double>().ToArray();

    public static double[] Multiply(double[,] a, double[] x)
    {
        var y = new double[a.GetLength(0)];
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++) y[r] += a[r, c] * x[c];
        }
        return y;
    }

    public static double[,] Gram(double[,] c)
    {
        int n = c.GetLength(1);
        var g = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int r = 0; r < c.GetLength(0); r++) g[i, j] += c[r, i] * c[r, j];
            }
        }
        return g;
    }

    public static double MaxAbsDifference(double[,] a, double[,] b)
    {
        a.GetLength(0).Should().Be(b.GetLength(0), "both matrices need the same number of rows");
        a.GetLength(1).Should().Be(b.GetLength(1), "both matrices need the same number of columns");
        double max = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++) max = Math.Max(max, Math.Abs(a[r, c] - b[r, c]));
        }
        return max;
    }

    public static double MaxAbsDifference(float[,] a, float[,] b)
    {
        a.GetLength(0).Should().Be(b.GetLength(0), "both matrices need the same number of rows");
        a.GetLength(1).Should().Be(b.GetLength(1), "both matrices need the same number of columns");
        double max = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++) max = Math.Max(max, Math.Abs(a[r, c] - b[r, c]));
        }
        return max;
    }

    /// <summary>
    /// Eigenvector of the largest eigenvalue of a symmetric matrix, by cyclic Jacobi rotations:
    /// independent of the power iteration that gradient ascent performs.
    /// </summary>
    public static (double Value, double[] Vector, double SecondValue) DominantEigenpair(double[,] symmetric)
    {
        int n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            }
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double cos = 1 / Math.Sqrt(t * t + 1), sin = t * cos;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = cos * akp - sin * akq;
                        a[k, q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = cos * apk - sin * aqk;
                        a[q, k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = cos * vkp - sin * vkq;
                        v[k, q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
        int[] order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        double[] vector = Enumerable.Range(0, n).Select(k => v[k, order[0]]).ToArray();
        return (a[order[0], order[0]], vector, a[order[1], order[1]]);
    }

    public static double Cosine(double[] x, double[] y)
    {
        double dot = 0, nx = 0, ny = 0;
        for (int i = 0; i < x.Length; i++) (dot, nx, ny) = (dot + x[i] * y[i], nx + x[i] * x[i], ny + y[i] * y[i]);
        return dot / Math.Sqrt(nx * ny);
    }
}
