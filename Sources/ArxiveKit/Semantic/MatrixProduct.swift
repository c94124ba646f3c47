import Foundation

#if canImport(Accelerate)
    import Accelerate
#else
    import COpenBLAS
#endif

/// The BLAS calls the encoder makes: C = A·B (or A·Bᵀ) + beta·C, row-major,
/// and y = A·x. Every matrix is given as a pointer and its row stride, so a
/// head's slice of the attention projections is used in place.
///
/// On Linux, OpenBLAS is opened on first use (`dlopen`), not linked: linking
/// it loaded OpenBLAS and libgfortran and started OpenBLAS's thread pool in
/// every process, which cost every command about 2.5 ms (`arxive --version`
/// 4.6 -> 7.1 ms, and a word search 1.2x) for an encoder most commands never
/// run. It is opened with one thread (`OPENBLAS_NUM_THREADS=1`, unless the
/// user set it): `embed` runs one batch per core instead, and OpenBLAS's own
/// threads on products this small spent a third of the time in the kernel
/// waiting for each other (sys 9.8 s of 35 s); a query is too small to share.
enum MatrixProduct {
    enum LoadError: DescribedError {
        case noBLAS(String)
        var description: String {
            switch self {
            case .noBLAS(let why):
                return "cannot load OpenBLAS, which the sentence model runs on (\(why)): apt-get install libopenblas0"
            }
        }
    }

    /// Opens the BLAS library if need be; an error says how to install it.
    static func load() throws {
        #if !canImport(Accelerate)
            if case .failure(let error) = Library.shared { throw error }
        #endif
    }

    /// C[m×n] = A[m×k] · (transposeB ? B[n×k]ᵀ : B[k×n]) + beta·C.
    static func multiply(
        _ a: UnsafePointer<Float>, rowStride lda: Int,
        _ b: UnsafePointer<Float>, rowStride ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int,
        m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        #if canImport(Accelerate)
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        #else
            Library.functions.sgemm(
                CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        #endif
    }

    /// y[n] = A[n×k] · x[k]: the scores of n stored vectors against a query.
    static func multiply(
        _ a: UnsafePointer<Float>, rows n: Int, columns k: Int, vector x: UnsafePointer<Float>,
        into y: UnsafeMutablePointer<Float>
    ) {
        #if canImport(Accelerate)
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, a, Int32(k), x, 1, 0, y, 1)
        #else
            Library.functions.sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, a, Int32(k), x, 1, 0, y, 1)
        #endif
    }

    #if !canImport(Accelerate)
        /// The two functions, found once in the first library that opens.
        struct Library: Sendable {
            typealias Sgemm =
                @convention(c) (
                    CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                    UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
                ) -> Void
            typealias Sgemv =
                @convention(c) (
                    CBLAS_ORDER, CBLAS_TRANSPOSE, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
                    UnsafeMutablePointer<Float>?, Int32
                ) -> Void

            let sgemm: Sgemm
            let sgemv: Sgemv

            static let shared: Result<Library, LoadError> = open()

            /// Callers have called `load()` (a model loads it): a product without BLAS cannot happen.
            static var functions: Library {
                switch shared {
                case .success(let library): return library
                case .failure(let error): fatalError("\(error)")
                }
            }

            static func open() -> Result<Library, LoadError> {
                setenv("OPENBLAS_NUM_THREADS", "1", 0)
                let names = ["libopenblas.so.0", "libopenblas.so", "libblas.so.3"]
                guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_LAZY | RTLD_LOCAL) }).first else {
                    return .failure(.noBLAS(dlerror().map { String(cString: $0) } ?? "not found"))
                }
                guard let sgemm = dlsym(handle, "cblas_sgemm"), let sgemv = dlsym(handle, "cblas_sgemv") else {
                    return .failure(.noBLAS("the library has no cblas_sgemm"))
                }
                return .success(Library(sgemm: unsafeBitCast(sgemm, to: Sgemm.self), sgemv: unsafeBitCast(sgemv, to: Sgemv.self)))
            }
        }
    #endif
}
