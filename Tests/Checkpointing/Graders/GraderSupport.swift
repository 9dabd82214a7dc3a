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

/// Fails unless `result` is the graders' own backpropagation of `problem` over its whole batch:
/// the loss within `lossTolerance` (of the reference loss), said as `loss`, and the gradients
/// within `gradientTolerance` (see `requireGradients`), said as `gradient`.
func requireReferenceStep(
  _ result: StepResult, of problem: Problem, lossTolerance: (Double) -> Double,
  gradientTolerance: Double, loss: String, gradient: String
) throws {
  let reference = ReferenceNetwork(problem.chain).gradients(
    inputs: nested(problem.input), targets: nested(problem.targets))
  try requireClose(result.loss, reference.loss, tolerance: lossTolerance(reference.loss), loss)
  try requireGradients(
    result.gradients, close: (reference.weights, reference.bias), tolerance: gradientTolerance,
    gradient)
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

/// The segment schedule's exact cost, from N and K alone: what the store must measure.
///
/// With S = ⌈N/K⌉ segments, the last one L = N − (S − 1)·K layers long, the forward pass keeps
/// the S segment inputs and the output. Recomputing a segment of length ℓ adds its ℓ − 1 inner
/// activations (its output is stored already): N + (N − S) forwards in all. The peak comes right
/// after a recomputation: S + L for the last segment (its S − 1 boundaries below, its input, its
/// inner activations and the output), S − 1 + K for a full one below it (the boundaries up to
/// its input, its K − 1 inner activations and its output, the next boundary). The forward pass
/// never holds more: at its last layer it holds the S inputs, layer N − 1's input and the output.
struct SegmentCost: Equatable {
  let peakLive: Int
  let forwards: Int

  init(depth: Int, length: Int) {
    let segments = ceilingDivision(depth, length)
    let last = depth - (segments - 1) * length
    let fullBelow = segments >= 2 ? segments - 1 + length : 0
    let forwardPass = segments + 1 + ((depth - 1) % length == 0 ? 0 : 1)
    peakLive = max(segments + last, fullBelow, forwardPass)
    forwards = 2 * depth - segments
  }
}

/// Fails unless `store` measured exactly what `steps` checkpointed steps of N = `depth` and
/// K = `length` cost: the peak, the forwards (recomputation included), N backwards a step, and an
/// empty store at the end.
func requireSegmentMeter(_ store: ActivationStore, depth: Int, length: Int, steps: Int) throws {
  let cost = SegmentCost(depth: depth, length: length)
  let what = "N = \(depth) layers, segment length K = \(length)"
  try require(
    store.peakLiveCount == cost.peakLive,
    "\(what): the segment schedule peaks at exactly \(cost.peakLive) live activations "
      + "(⌈N/K⌉ = \(ceilingDivision(depth, length)) segment inputs, the output, and one segment "
      + "recomputed, the last one \(depth - (ceilingDivision(depth, length) - 1) * length) layers "
      + "long); the store counted a peak of \(store.peakLiveCount)")
  try require(
    store.forwardCalls == steps * cost.forwards,
    "\(what): \(steps == 1 ? "a step" : "\(steps) steps") of the segment schedule run exactly "
      + "\(steps * cost.forwards) layer forwards (N a step, plus each segment's inner layers "
      + "recomputed once: 2N − ⌈N/K⌉ = \(cost.forwards) a step); the store counted "
      + "\(store.forwardCalls) forwards")
  try requireEqual(
    store.backwardCalls, steps * depth, "layer backwards of \(steps) step(s) for \(what)")
  try requireEmpty(store, what)
}
