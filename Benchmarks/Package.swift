// swift-tools-version:6.1
// Benchmarks, kept out of the main package so that its build stays small. Run them with
// `scripts/bench.sh` (release builds; ordo-one/benchmark counts mallocs and peak memory).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent.lowercased()

func benchmark(_ name: String, _ products: [String], extra: [Target.Dependency] = []) -> Target {
  .executableTarget(
    name: name,
    dependencies: [.product(name: "Benchmark", package: "benchmark")]
      + products.map { .product(name: $0, package: workbook) } + extra,
    path: "Benchmarks/\(name)",
    swiftSettings: [.swiftLanguageMode(.v5)],
    plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
  )
}

let package = Package(
  name: "WorkbookBenchmarks",
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "AllocationCount",
      dependencies: [
        .product(name: "InferenceMemory", package: workbook),
        .product(name: "InferenceMemorySolutions", package: workbook),
      ],
      swiftSettings: [.swiftLanguageMode(.v5)]
    ),
    benchmark("InferenceBenchmarks", ["InferenceMemory", "InferenceMemorySolutions"]),
    benchmark("LessonBenchmarks", ["WorkbookLibraries"]),
    benchmark("CheckpointingBenchmarks", ["Checkpointing", "CheckpointingSolutions"]),
    benchmark("QuantizationBenchmarks", ["Quantization", "QuantizationSolutions"]),
  ]
)
