// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "arxive",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "arxive", targets: ["arxive"]),
        .library(name: "ArxiveKit", targets: ["ArxiveKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The SQL migrations (one file, Schema/migrations.sql), embedded in the binary so that a copied
        // release binary needs no resource bundle.
        .target(
            name: "ArxiveSchema",
            path: "Schema",
            resources: [.embedInCode("migrations.sql")]
        ),
        // The system zlib (zlib1g-dev): gzip-compressed snapshots are read as a stream.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Debian's OpenBLAS (libopenblas-dev): the sentence encoder's matrix products. macOS has Accelerate.
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "ArxiveKit",
            dependencies: [
                "ArxiveSchema",
                "CZlib",
                .target(name: "COpenBLAS", condition: .when(platforms: [.linux])),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the FTS5 rank function (Search/PhraseRank.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "arxive",
            dependencies: [
                "ArxiveKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release arxive is linked at a fixed address (not PIE): a
            // static Swift binary carries about 90,000 relocations, mostly
            // pointers in type metadata, that a PIE applies at every start,
            // copying each page they touch. Measured: `arxive --version`
            // 6.3 -> 4.4 ms, a search 19.2 -> 17.2 ms (hyperfine, 80 runs):
            // every command is a short process, and this was 30% of the
            // shortest. The price: the executable's own code is not at a
            // random address (shared libraries still are).
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Writes synthetic digest histories (every format era) for tests,
        // benchmarks and the kill test; it knows the truth it wrote.
        .target(name: "DigestGenerator"),
        .executableTarget(
            name: "arxive-generate",
            dependencies: [
                "DigestGenerator",
                "ArxiveKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ArxiveKitTests",
            dependencies: [
                "ArxiveKit",
                "DigestGenerator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "arxiveTests",
            dependencies: [
                "arxive",
                "DigestGenerator",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
