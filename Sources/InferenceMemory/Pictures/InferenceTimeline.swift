/// Live activation memory over one forward pass, sampled from the harness's allocator.
struct TimelineRun: Sendable {
  /// Live bytes after the input is copied in, after each layer, and after the final frees.
  let samples: [Int]
  /// The allocator's peak.
  let peakBytes: Int
  /// How many buffers the run allocated.
  let allocations: Int
}

/// The instrumented runs behind the `inference-timeline` picture: the same small network run
/// naively (a buffer per layer, all kept) and with two buffers, each with a fresh allocator.
enum InferenceTimeline {
  /// A 17-layer MLP: a narrow input, a deep stack of 128-wide layers, a narrowing head.
  static let widths = [32] + Array(repeating: 128, count: 14) + [64, 32, 10]
  /// Samples per batch.
  static let batch = 4

  /// Both runs, computed once.
  static let runs: (naive: TimelineRun, pingPong: TimelineRun) = {
    do {
      let mlp = try MLP.random(widths: widths, activation: .relu, seed: 0x5EED_2026)
      let input = (0..<(batch * widths[0])).map { Float($0 % 7) / 7 - 0.5 }
      return (try naive(mlp, input: input), try pingPong(mlp, input: input))
    } catch {
      // Unreachable with the fixed widths above; an empty run draws an empty picture.
      let empty = TimelineRun(samples: [], peakBytes: 0, allocations: 0)
      return (empty, empty)
    }
  }()

  /// The kit's public naive forward, sampled after every layer.
  private static func naive(_ mlp: MLP, input: [Float]) throws -> TimelineRun {
    let allocator = ActivationAllocator()
    var samples: [Int] = []
    _ = try NaiveForward.forward(mlp, input: input, batch: batch, allocator: allocator) { _ in
      samples.append(allocator.liveBytes)
    }
    samples.append(allocator.liveBytes)
    return TimelineRun(
      samples: samples, peakBytes: allocator.peakBytes, allocations: allocator.allocationCount)
  }

  /// Two buffers of the widest activation, swapped after every layer.
  private static func pingPong(_ mlp: MLP, input: [Float]) throws -> TimelineRun {
    let allocator = ActivationAllocator()
    let widest = mlp.widths.max() ?? 0
    var source = try allocator.allocate(count: widest * batch)
    var destination = try allocator.allocate(count: widest * batch)
    for index in input.indices { source.elements[index] = input[index] }
    var samples = [allocator.liveBytes]
    for layer in 0..<mlp.layerCount {
      NaiveForward.denseLayer(
        mlp, layer: layer, batch: batch, from: source.elements, to: destination.elements)
      swap(&source, &destination)
      samples.append(allocator.liveBytes)
    }
    try allocator.free(source)
    try allocator.free(destination)
    samples.append(allocator.liveBytes)
    return TimelineRun(
      samples: samples, peakBytes: allocator.peakBytes, allocations: allocator.allocationCount)
  }
}
