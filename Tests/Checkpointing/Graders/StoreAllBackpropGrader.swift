import Checkpointing
import Harness

/// Grades StoreAllBackprop against the graders' own per-example backpropagation, against
/// central finite differences, and against the store's meter.
func gradeStoreAllBackprop(_ backprop: some StoreAllBackprop, _ checks: CheckRecorder) {
  checks.check("a fixed 2 → 3 → 2 → 1 chain against the grader's own backpropagation") {
    let problem = try fixedProblem()
    try requireReferenceStep(
      try stepInAStoreOfItsOwn(backprop, problem), of: problem, lossTolerance: { _ in 1e-12 },
      gradientTolerance: 1e-12, loss: "the loss of \(problem.description)",
      gradient: "the gradient of \(problem.description)")
  }
  checks.check("seeded random chains of 1 to 12 layers, both losses") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for trial in 0..<40 {
      let problem = try randomProblem(
        depth: 1 + trial % 12, rows: Int.random(in: 1...5, using: &random),
        loss: trial % 2 == 0 ? .logistic : .meanSquaredError, using: &random)
      try requireReferenceStep(
        try stepInAStoreOfItsOwn(backprop, problem), of: problem,
        lossTolerance: { 1e-12 * max(1, abs($0)) }, gradientTolerance: 1e-10,
        loss: "the loss of \(problem.description)",
        gradient: "the gradient of \(problem.description)")
    }
  }
  checks.check("tiny chains against central finite differences") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 1)
    for trial in 0..<6 {
      let problem = try randomProblem(
        depth: 1 + trial, rows: 2, loss: trial % 2 == 0 ? .meanSquaredError : .logistic,
        widths: 1...3, using: &random)
      try requireGradients(
        try stepInAStoreOfItsOwn(backprop, problem).gradients, close: finiteDifferences(problem),
        tolerance: 1e-6,
        "the gradient of \(problem.description), against (loss(θ + h) − loss(θ − h)) / 2h")
    }
  }
  checks.check("every activation kept, each layer run once, the store left empty") {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 2)
    for depth in [1, 2, 7, 16] {
      let problem = try randomProblem(depth: depth, rows: 3, loss: .logistic, using: &random)
      let store = ActivationStore(recordingTimeline: false)
      _ = try backprop.step(
        problem.chain, input: problem.input, targets: problem.targets, store: store)
      try requireEqual(
        store.peakLiveCount, depth + 1,
        "peak live activations of a store-all step on \(problem.description) (the input and "
          + "every layer's output)")
      try requireEqual(
        store.forwardCalls, depth, "layer forwards of a store-all step on \(depth) layers")
      try requireEqual(
        store.backwardCalls, depth, "layer backwards of a store-all step on \(depth) layers")
      try requireEmpty(store, "a store-all step on \(depth) layers")
    }
  }
}

/// A 2 → 3 → 2 → 1 chain with weights chosen by hand and two examples.
private func fixedProblem() throws -> Problem {
  let chain = try Chain(
    layers: [
      Layer(
        inputWidth: 2, outputWidth: 3, activation: .tanh,
        weights: [0.5, -0.25, 0.125, 0.75, -0.5, 0.375], bias: [0.1, -0.2, 0.05]),
      Layer(
        inputWidth: 3, outputWidth: 2, activation: .tanh,
        weights: [1, -1, 0.5, -0.5, 0.25, 2], bias: [0, 0.3]),
      Layer(
        inputWidth: 2, outputWidth: 1, activation: .identity, weights: [1.5, -0.75], bias: [0.2]),
    ], loss: .logistic)
  return Problem(
    chain: chain, input: try Tensor(rows: 2, columns: 2, values: [1, 0.5, -0.5, 2]),
    targets: try Tensor(rows: 2, columns: 1, values: [1, 0]))
}

/// The gradient by central differences of the reference loss, one parameter at a time.
private func finiteDifferences(_ problem: Problem) throws -> (
  weights: [[[Double]]], bias: [[Double]]
) {
  let h = 1e-6
  let inputs = nested(problem.input)
  let targets = nested(problem.targets)
  let base = ReferenceNetwork(problem.chain)
  func slope(_ change: (inout ReferenceNetwork, Double) -> Void) -> Double {
    var up = base
    change(&up, h)
    var down = base
    change(&down, -h)
    return
      (up.meanLoss(inputs: inputs, targets: targets)
      - down.meanLoss(inputs: inputs, targets: targets)) / (2 * h)
  }
  var weights: [[[Double]]] = []
  var bias: [[Double]] = []
  for (index, dense) in base.layers.enumerated() {
    weights.append(
      dense.weights.indices.map { row in
        dense.weights[row].indices.map { column in
          slope { $0.layers[index].weights[row][column] += $1 }
        }
      })
    bias.append(dense.bias.indices.map { row in slope { $0.layers[index].bias[row] += $1 } })
  }
  return (weights, bias)
}

/// `backprop`'s step on `problem` in a fresh store that records no timeline.
private func stepInAStoreOfItsOwn(_ backprop: some StoreAllBackprop, _ problem: Problem) throws
  -> StepResult
{
  try backprop.step(
    problem.chain, input: problem.input, targets: problem.targets,
    store: ActivationStore(recordingTimeline: false))
}
