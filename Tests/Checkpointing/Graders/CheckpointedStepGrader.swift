import Checkpointing
import Foundation
import Harness

/// Grades CheckpointedStep: bit-for-bit the graders' own store-all step, with exactly the peak
/// and the forward count the segment schedule of N and K determines, measured by the store.
func gradeCheckpointedStep(_ checkpointed: some CheckpointedStep, _ checks: CheckRecorder) {
  checks.check("bitwise equal to a store-all step, every segment length") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 10)
    for depth in [1, 2, 3, 5, 8, 13] {
      let problem = try randomProblem(
        depth: depth, rows: Int.random(in: 1...4, using: &random),
        loss: depth % 2 == 0 ? .logistic : .meanSquaredError, using: &random)
      let expected = try graderStoreAllStep(problem)
      for length in 1...(depth + 1) {
        let result = try checkpointed.step(
          problem.chain, input: problem.input, targets: problem.targets, segmentLength: length,
          store: ActivationStore(recordingTimeline: false))
        try require(
          result.loss.bitPattern == expected.loss.bitPattern,
          "segment length \(length) on \(problem.description): the loss should be exactly "
            + "\(expected.loss), the store-all step's, got \(result.loss)")
        try requireBitwiseEqual(
          result.gradients, expected.gradients,
          "segment length \(length) on \(problem.description)")
      }
    }
  }
  checks.check("exact peak and forward count for every N and K, the short last segment too") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 11)
    for depth in 1...24 {
      let problem = try randomProblem(depth: depth, rows: 1, loss: .logistic, using: &random)
      for length in 1...(depth + 1) {
        let store = ActivationStore(recordingTimeline: false)
        _ = try checkpointed.step(
          problem.chain, input: problem.input, targets: problem.targets, segmentLength: length,
          store: store)
        try requireSegmentMeter(store, depth: depth, length: length, steps: 1)
      }
    }
  }
  checks.check("sweeping K, the smallest peak comes near K = √N") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 12)
    for depth in [16, 30, 49, 64, 90] {
      let problem = try randomProblem(
        depth: depth, rows: 1, loss: .meanSquaredError, widths: 1...1, using: &random)
      var peaks: [Int] = []
      for length in 1...depth {
        let store = ActivationStore(recordingTimeline: false)
        _ = try checkpointed.step(
          problem.chain, input: problem.input, targets: problem.targets, segmentLength: length,
          store: store)
        peaks.append(store.peakLiveCount)
      }
      let smallest = peaks.min() ?? 0
      let best = peaks.indices.filter { peaks[$0] == smallest }.map { $0 + 1 }
      let root = Double(depth).squareRoot()
      let near = Int(root.rounded(.down)) - 1...Int(root.rounded(.up)) + 1
      try require(
        best.contains { near.contains($0) },
        "N = \(depth): the smallest peak (\(smallest) activations) should come at a segment "
          + "length near √N ≈ \(ByteFormatting.trimmed(root, decimals: 2)), in \(near); it came "
          + "at K = \(best)")
      try require(
        smallest < depth + 1,
        "N = \(depth): some segment length should keep fewer than the N + 1 = \(depth + 1) "
          + "activations of store-all; the smallest peak was \(smallest)")
    }
  }
}

/// Fails unless every gradient entry has exactly the expected bits.
private func requireBitwiseEqual(_ actual: Gradients, _ expected: Gradients, _ what: String)
  throws
{
  try requireEqual(actual.layers.count, expected.layers.count, "\(what): layers in the gradient")
  for (index, layer) in expected.layers.enumerated() {
    let got = actual.layers[index]
    try requireEqual(got.weights.count, layer.weights.count, "\(what): weights of layer \(index)")
    try requireEqual(got.bias.count, layer.bias.count, "\(what): biases of layer \(index)")
    for (entry, value) in layer.weights.enumerated()
    where got.weights[entry].bitPattern != value.bitPattern {
      throw CheckFailure(
        "\(what): ∂loss/∂weight \(entry) of layer \(index) should be exactly \(value), the "
          + "store-all step's, got \(got.weights[entry])")
    }
    for (entry, value) in layer.bias.enumerated()
    where got.bias[entry].bitPattern != value.bitPattern {
      throw CheckFailure(
        "\(what): ∂loss/∂bias \(entry) of layer \(index) should be exactly \(value), the "
          + "store-all step's, got \(got.bias[entry])")
    }
  }
}
