import Checkpointing
import Foundation
import Harness

/// A random chain and a batch for it, drawn from the graders' generator.
struct Problem {
  var chain: Chain
  var input: Tensor
  var targets: Tensor

  var description: String {
    let widths = [chain.inputWidth] + chain.layers.map(\.outputWidth)
    return "a chain of \(chain.depth) layers, widths \(widths), \(chain.loss) loss, "
      + "\(input.rows) examples"
  }
}

/// Draws a chain of `depth` layers with hidden widths from `widths` and a batch of `rows`.
func randomProblem(
  depth: Int, rows: Int, loss: Loss, widths: ClosedRange<Int> = 1...4,
  using random: inout SeededGenerator
) throws -> Problem {
  var shape = [Int.random(in: widths, using: &random)]
  for _ in 0..<(depth - 1) { shape.append(Int.random(in: widths, using: &random)) }
  shape.append(Int.random(in: 1...2, using: &random))
  var chain = try Chain.random(widths: shape, loss: loss, using: &random)
  // Non-zero biases, so a gradient that forgets them shows.
  chain = try Chain(
    layers: chain.layers.map { layer in
      try Layer(
        inputWidth: layer.inputWidth, outputWidth: layer.outputWidth,
        activation: layer.activation, weights: layer.weights,
        bias: layer.bias.map { _ in Double.random(in: -0.5...0.5, using: &random) })
    }, loss: loss)
  let input = try Tensor(
    rows: rows, columns: shape[0],
    values: (0..<(rows * shape[0])).map { _ in Double.random(in: -1...1, using: &random) })
  let outputs = shape[shape.count - 1]
  let targets = try Tensor(
    rows: rows, columns: outputs,
    values: (0..<(rows * outputs)).map { _ in
      loss == .logistic
        ? Double(Int.random(in: 0...1, using: &random)) : Double.random(in: -1...1, using: &random)
    })
  return Problem(chain: chain, input: input, targets: targets)
}

/// Fails unless `actual` has the reference's shape and every entry is within
/// `tolerance × max(1, |reference|)`.
func requireGradients(
  _ actual: Gradients, close reference: (weights: [[[Double]]], bias: [[Double]]),
  tolerance: Double, _ what: String
) throws {
  try requireEqual(actual.layers.count, reference.weights.count, "\(what): layers in the gradient")
  for (index, layer) in actual.layers.enumerated() {
    let weights = reference.weights[index].flatMap { $0 }
    try requireEqual(
      layer.weights.count, weights.count, "\(what): weight gradients of layer \(index)")
    try requireEqual(
      layer.bias.count, reference.bias[index].count, "\(what): bias gradients of layer \(index)")
    for (entry, expected) in weights.enumerated() {
      try requireClose(
        layer.weights[entry], expected, tolerance: tolerance * max(1, abs(expected)),
        "\(what): ∂loss/∂weight \(entry) of layer \(index)")
    }
    for (entry, expected) in reference.bias[index].enumerated() {
      try requireClose(
        layer.bias[entry], expected, tolerance: tolerance * max(1, abs(expected)),
        "\(what): ∂loss/∂bias \(entry) of layer \(index)")
    }
  }
}

/// Fails unless the store holds nothing: a step must give back all it stored.
func requireEmpty(_ store: ActivationStore, _ what: String) throws {
  try require(
    store.liveCount == 0,
    "\(what): the store should be empty when the step returns, but it still holds "
      + "activations \(store.liveIndices)")
}

/// The graders' own store-all step, built from the chain's forward and backward: the result a
/// checkpointed step must reproduce bit for bit.
func graderStoreAllStep(_ problem: Problem) throws -> StepResult {
  let store = ActivationStore(recordingTimeline: false)
  try store.storeInput(problem.input)
  for layer in 0..<problem.chain.depth { try problem.chain.forward(layer: layer, in: store) }
  let loss = try problem.chain.loss(targets: problem.targets, in: store)
  var gradient = loss.gradient
  var layers: [LayerGradients] = []
  for layer in (0..<problem.chain.depth).reversed() {
    let backward = try problem.chain.backward(layer: layer, outputGradient: gradient, in: store)
    layers.insert(backward.parameters, at: 0)
    gradient = backward.inputGradient
  }
  return StepResult(loss: loss.value, gradients: Gradients(layers: layers))
}

/// ⌈a / b⌉ for positive integers.
func ceilingDivision(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
