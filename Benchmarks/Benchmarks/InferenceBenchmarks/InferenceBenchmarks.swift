import Benchmark
@_spi(Reference) import InferenceMemory
import InferenceMemorySolutions

/// 32 layers of width 1024, batch 64 (the workload), and the same network cut to one
/// layer: the difference in mallocs between the two is what each extra layer allocates, free
/// of the harness's own background allocations.
let deep = setUp {
  try MLP.random(widths: Array(repeating: 1024, count: 33), activation: .relu, seed: 1)
}
let shallow = setUp { try MLP.random(widths: [1024, 1024], activation: .relu, seed: 1) }
let input = (0..<64 * 1024).map { Float($0 % 13) / 13 }

func naive(_ network: MLP) throws -> [Float] {
  try NaiveForward.forward(
    network, input: input, batch: 64, allocator: ActivationAllocator(recording: false))
}

func pingPong(_ network: MLP) throws -> [Float] {
  try PingPongForwarder().forward(
    network, input: input, batch: 64, allocator: ActivationAllocator(recording: false))
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10),
    maxIterations: 30)

  Benchmark("naive forward, 32 layers") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(try naive(deep)) }
  }
  Benchmark("ping-pong forward, 32 layers") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(try pingPong(deep)) }
  }
  Benchmark("naive forward, 1 layer") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(try naive(shallow)) }
  }
  Benchmark("ping-pong forward, 1 layer") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(try pingPong(shallow)) }
  }
}

/// Builds a benchmark's input; a failure here is a broken benchmark, so it stops with the reason.
func setUp<T>(_ make: () throws -> T) -> T {
  do {
    return try make()
  } catch {
    fatalError("benchmark set-up failed: \(error)")
  }
}
