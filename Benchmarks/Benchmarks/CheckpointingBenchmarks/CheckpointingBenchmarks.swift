import Benchmark
import Checkpointing
import CheckpointingSolutions
import Foundation

/// One training step of a chain of N layers (width 64, 32 rows), storing every activation or
/// checkpointing every ⌈√N⌉ layers. Besides time, each benchmark reports the peak activation
/// bytes the harness's store measured, and the layer forwards it counted.
let data = setUp { try Dataset.spirals(pointsPerArm: 16, seed: 2) }

let benchmarks: @Sendable () -> Void = {
  let peak = BenchmarkMetric.custom(
    "peak activation bytes", polarity: .prefersSmaller, useScalingFactor: false)
  let forwards = BenchmarkMetric.custom(
    "layer forwards", polarity: .prefersSmaller, useScalingFactor: false)
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident, peak, forwards], maxDuration: .seconds(5),
    maxIterations: 50)

  for depth in [16, 64, 256] {
    let chain = setUp { try Chain.uniform(depth: depth, width: 64, seed: 1) }
    let segment = Int(Double(depth).squareRoot().rounded(.up))
    Benchmark("N = \(depth), store all") { benchmark in
      for _ in benchmark.scaledIterations {
        let store = ActivationStore(recordingTimeline: false)
        blackHole(
          try StoreAllBackpropagation().step(
            chain, input: data.inputs, targets: data.targets, store: store))
        benchmark.measurement(peak, store.peakLiveBytes)
        benchmark.measurement(forwards, store.forwardCalls)
      }
    }
    Benchmark("N = \(depth), checkpoint every \(segment)") { benchmark in
      for _ in benchmark.scaledIterations {
        let store = ActivationStore(recordingTimeline: false)
        blackHole(
          try SegmentCheckpointing().step(
            chain, input: data.inputs, targets: data.targets, segmentLength: segment, store: store))
        benchmark.measurement(peak, store.peakLiveBytes)
        benchmark.measurement(forwards, store.forwardCalls)
      }
    }
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
