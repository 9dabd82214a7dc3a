import Benchmark
import InferenceMemory
import InferenceMemorySolutions

/// 32 layers of width 1024, batch 64: the workload.
let network = try! MLP.random(widths: Array(repeating: 1024, count: 33), activation: .relu, seed: 1)
let input = (0..<64 * 1024).map { Float($0 % 13) / 13 }

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10),
    maxIterations: 30)

  Benchmark("MLP forward 32x1024 batch 64, naive (a buffer per layer)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try NaiveForward.forward(network, input: input, batch: 64, allocator: ActivationAllocator(recording: false)))
    }
  }

  Benchmark("MLP forward 32x1024 batch 64, ping-pong (two buffers)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(
        try PingPongForwarder().forward(network, input: input, batch: 64, allocator: ActivationAllocator(recording: false)))
    }
  }
}
