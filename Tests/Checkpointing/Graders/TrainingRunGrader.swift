import Checkpointing
import Foundation
import Harness

/// Grades TrainingRun: two updates replayed with the graders' own gradient and Adam, then a
/// 150-step run whose trained chain the graders evaluate themselves, with the store's meter
/// showing that every step was checkpointed with the K asked for (4, then 3 and 7).
func gradeTrainingRun(_ training: some TrainingRun, _ checks: CheckRecorder) {
  let setup = TrainingSetup()
  checks.check("two updates match the grader's own gradient and Adam") {
    var chain = try setup.chain()
    var optimizer = try Adam(learningRate: setup.learningRate)
    let data = try setup.data()
    let losses = try training.train(
      &chain, on: data, optimizer: &optimizer, steps: 2, segmentLength: setup.segmentLength,
      store: ActivationStore(recordingTimeline: false))
    var reference = ReferenceNetwork(try setup.chain())
    var adam = ReferenceAdam(learningRate: setup.learningRate)
    var expected: [Double] = []
    for _ in 0..<2 {
      let step = reference.gradients(inputs: nested(data.inputs), targets: nested(data.targets))
      expected.append(step.loss)
      adam.update(&reference, weights: step.weights, bias: step.bias)
    }
    try requireEqual(losses.count, 2, "train(steps: 2) should return one loss per step")
    for (index, loss) in losses.enumerated() {
      try requireClose(
        loss, expected[index], tolerance: 1e-10, "the loss of step \(index), before its update")
    }
    try requireParameters(chain, close: reference, "the chain after two updates")
  }
  let run = TrainingOutcome()
  checks.check("the loss falls below \(setup.threshold) within \(setup.steps) steps") {
    var chain = try setup.chain()
    var optimizer = try Adam(learningRate: setup.learningRate)
    let store = ActivationStore(recordingTimeline: false)
    let data = try setup.data()
    let losses = try training.train(
      &chain, on: data, optimizer: &optimizer, steps: setup.steps,
      segmentLength: setup.segmentLength, store: store)
    run.result = (chain, optimizer, store, losses)
    try requireEqual(losses.count, setup.steps, "losses returned by train(steps: \(setup.steps))")
    let initial = ReferenceNetwork(try setup.chain()).meanLoss(
      inputs: nested(data.inputs), targets: nested(data.targets))
    try requireClose(
      losses.first ?? .nan, initial, tolerance: 1e-10,
      "the first loss, that of the untrained chain")
    let final = ReferenceNetwork(chain).meanLoss(
      inputs: nested(data.inputs), targets: nested(data.targets))
    try require(
      final < setup.threshold,
      "after \(setup.steps) steps of Adam (lr \(setup.learningRate)) on \(data.count) points of "
        + "sin x, the grader measured a loss of \(final) (it started at \(initial)); expected "
        + "below \(setup.threshold)")
  }
  checks.check("every step checkpointed with K = \(setup.segmentLength), one Adam update each") {
    guard let (_, optimizer, store, _) = run.result else {
      throw CheckFailure("the \(setup.steps)-step training run did not complete")
    }
    try requireSegmentMeter(
      store, depth: setup.depth, length: setup.segmentLength, steps: setup.steps)
    try requireEqual(optimizer.steps, setup.steps, "Adam updates in \(setup.steps) steps")
  }
  checks.check("other segment lengths: K = 3 and K = 7 each meter their own schedule") {
    // K = 4 = √16 is what a solution that ignores K and picks √N would use: these two differ.
    for length in [3, 7] {
      var chain = try setup.chain()
      var optimizer = try Adam(learningRate: setup.learningRate)
      let store = ActivationStore(recordingTimeline: false)
      let losses = try training.train(
        &chain, on: try setup.data(), optimizer: &optimizer, steps: 3, segmentLength: length,
        store: store)
      try requireEqual(losses.count, 3, "train(steps: 3, segmentLength: \(length)) losses")
      try requireSegmentMeter(store, depth: setup.depth, length: length, steps: 3)
      try requireEqual(optimizer.steps, 3, "Adam updates in 3 steps with K = \(length)")
    }
  }
}

/// The run's configuration: sin x on [−π, π], 16 tanh layers of width 8, K = 4.
private struct TrainingSetup {
  let depth = 16
  let width = 8
  let points = 32
  let steps = 150
  let segmentLength = 4
  let learningRate = 0.01
  let threshold = 0.05

  func data() throws -> Dataset { try Dataset.sine(count: points, seed: 7) }

  func chain() throws -> Chain {
    try Chain.uniform(
      depth: depth, width: width, inputWidth: 1, outputWidth: 1, loss: .meanSquaredError,
      seed: SeededGenerator.gradingSeed)
  }
}

/// The long run's result, shared by the checks that inspect it.
private final class TrainingOutcome {
  var result: (Chain, Adam, ActivationStore, [Double])?
}

/// The graders' Adam, from Kingma and Ba's update with PyTorch's bias correction.
private struct ReferenceAdam {
  let learningRate: Double
  let beta1 = 0.9
  let beta2 = 0.999
  let epsilon = 1e-8
  var t = 0
  var m: [String: Double] = [:]
  var v: [String: Double] = [:]

  init(learningRate: Double) { self.learningRate = learningRate }

  mutating func update(
    _ network: inout ReferenceNetwork, weights: [[[Double]]], bias: [[Double]]
  ) {
    t += 1
    for index in network.layers.indices {
      for row in network.layers[index].weights.indices {
        for column in network.layers[index].weights[row].indices {
          network.layers[index].weights[row][column] -= move(
            "w\(index),\(row),\(column)", weights[index][row][column])
        }
        network.layers[index].bias[row] -= move("b\(index),\(row)", bias[index][row])
      }
    }
  }

  private mutating func move(_ key: String, _ g: Double) -> Double {
    let first = beta1 * (m[key] ?? 0) + (1 - beta1) * g
    let second = beta2 * (v[key] ?? 0) + (1 - beta2) * g * g
    m[key] = first
    v[key] = second
    let mHat = first / (1 - pow(beta1, Double(t)))
    let vHat = second / (1 - pow(beta2, Double(t)))
    return learningRate * mHat / (sqrt(vHat) + epsilon)
  }
}

/// Fails unless every parameter of `chain` is within 1e-10 of the reference network's.
private func requireParameters(_ chain: Chain, close reference: ReferenceNetwork, _ what: String)
  throws
{
  try requireEqual(chain.depth, reference.layers.count, "\(what): layers")
  for (index, layer) in chain.layers.enumerated() {
    let weights = reference.layers[index].weights.flatMap { $0 }
    try requireEqual(layer.weights.count, weights.count, "\(what): weights of layer \(index)")
    try requireEqual(
      layer.bias.count, reference.layers[index].bias.count, "\(what): biases of layer \(index)")
    for (entry, expected) in weights.enumerated() {
      try requireClose(
        layer.weights[entry], expected, tolerance: 1e-10,
        "\(what): weight \(entry) of layer \(index)")
    }
    for (entry, expected) in reference.layers[index].bias.enumerated() {
      try requireClose(
        layer.bias[entry], expected, tolerance: 1e-10, "\(what): bias \(entry) of layer \(index)")
    }
  }
}
