#if canImport(Accelerate)
    import Accelerate
#else
    import COpenBLAS
#endif

/// The one BLAS call the encoder makes: C = A·B (or A·Bᵀ) + beta·C, row-major.
/// Every matrix is given as a pointer and its row stride, so a head's slice
/// of the attention projections is used in place.
enum MatrixProduct {
    /// Makes BLAS compute each product on the calling thread. `embed` runs
    /// one batch per core instead: OpenBLAS's own threads on products this
    /// small spent a third of the time in the kernel (sys 9.8 s of 35 s)
    /// waiting for each other, and the work between the products (GELU,
    /// softmax, layer norm) is then parallel too.
    static func useCallingThreadOnly() {
        #if !canImport(Accelerate)
            openblas_set_num_threads(1)
        #endif
    }

    /// C[m×n] = A[m×k] · (transposeB ? B[n×k]ᵀ : B[k×n]) + beta·C.
    static func multiply(
        _ a: UnsafePointer<Float>, rowStride lda: Int,
        _ b: UnsafePointer<Float>, rowStride ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int,
        m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// y[n] = A[n×k] · x[k]: the scores of n stored vectors against a query.
    static func multiply(
        _ a: UnsafePointer<Float>, rows n: Int, columns k: Int, vector x: UnsafePointer<Float>,
        into y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, a, Int32(k), x, 1, 0, y, 1)
    }
}
