import Foundation

/// A network that is a chain: layer `i` maps activation `i` to activation `i + 1`.
///
/// Activation 0 is the input batch and activation `depth` the output. The chain never holds an
/// activation itself: `forward(layer:in:)` reads its input from an `ActivationStore` and writes
/// its output there, and `backward(layer:outputGradient:in:)` reads both from the store. That is
/// how the harness sees every activation a schedule keeps, and every layer it recomputes.
public struct Chain: Equatable, Sendable {
  /// The layers, input side first.
  public internal(set) var layers: [Layer]
  /// The loss applied to the last activation.
  public let loss: Loss

  /// Creates a chain; each layer's input width must be the previous layer's output width.
  public init(layers: [Layer], loss: Loss) throws {
    try precondition(!layers.isEmpty, orThrow: "a chain needs at least one layer")
    for index in 1..<layers.count {
      try precondition(
        layers[index].inputWidth == layers[index - 1].outputWidth,
        orThrow: "layer \(index) takes \(layers[index].inputWidth) features but layer "
          + "\(index - 1) gives \(layers[index - 1].outputWidth)")
    }
    self.layers = layers
    self.loss = loss
  }

  /// A chain with the given widths (`widths[0]` inputs, then each layer's output), `tanh`
  /// hidden layers and an identity last layer, initialised with Glorot-uniform weights
  /// (±√(6 / (in + out))) and zero biases.
  public static func random(
    widths: [Int], loss: Loss, using generator: inout some RandomNumberGenerator
  ) throws -> Chain {
    try precondition(widths.count >= 2, orThrow: "a chain needs at least two widths, got \(widths)")
    try precondition(widths.allSatisfy { $0 > 0 }, orThrow: "widths must be positive: \(widths)")
    var layers: [Layer] = []
    for index in 0..<(widths.count - 1) {
      let (inputs, outputs) = (widths[index], widths[index + 1])
      let limit = (6 / Double(inputs + outputs)).squareRoot()
      let weights = (0..<(inputs * outputs)).map { _ in
        Double.random(in: -limit...limit, using: &generator)
      }
      layers.append(
        try Layer(
          inputWidth: inputs, outputWidth: outputs,
          activation: index == widths.count - 2 ? .identity : .tanh, weights: weights,
          bias: [Double](repeating: 0, count: outputs)))
    }
    return try Chain(layers: layers, loss: loss)
  }

  /// A chain of `depth` layers, each `width` features wide except the input (`inputWidth`) and
  /// the output (`outputWidth`), drawn from a seed: the shape the benchmarks use.
  public static func uniform(
    depth: Int, width: Int, inputWidth: Int = 2, outputWidth: Int = 1, loss: Loss = .logistic,
    seed: UInt64
  ) throws -> Chain {
    try precondition(depth >= 1, orThrow: "a chain of depth \(depth)")
    var generator = ChainSeed(seed)
    let hidden = [Int](repeating: width, count: depth - 1)
    return try random(
      widths: [inputWidth] + hidden + [outputWidth], loss: loss, using: &generator)
  }

  /// Number of layers, N.
  public var depth: Int { layers.count }
  /// Features of activation 0.
  public var inputWidth: Int { layers[0].inputWidth }
  /// Features of activation N.
  public var outputWidth: Int { layers[layers.count - 1].outputWidth }
  /// Trainable parameters of all layers.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// Bytes of activation `i` (0 ... depth) for a batch of `rows` examples.
  public func activationBytes(rows: Int) -> [Int] {
    ([inputWidth] + layers.map(\.outputWidth)).map { rows * $0 * Tensor.elementBytes }
  }

  /// Runs layer `index` (0 ..< depth): reads activation `index` from `store`, writes activation
  /// `index + 1` to it, and counts one layer forward.
  ///
  /// Throws when activation `index` is not in the store or activation `index + 1` already is.
  public func forward(layer index: Int, in store: ActivationStore) throws {
    try precondition(
      index >= 0 && index < depth, orThrow: "forward of layer \(index) in a chain of \(depth)")
    let input = try store.load(index, for: "forward of layer \(index)")
    try precondition(
      !store.contains(index + 1),
      orThrow: "forward of layer \(index): activation \(index + 1) is already stored; "
        + "free it before computing it again")
    try precondition(
      input.columns == layers[index].inputWidth,
      orThrow: "forward of layer \(index): activation \(index) has \(input.columns) features, "
        + "the layer takes \(layers[index].inputWidth)")
    let output = layers[index].forward(input)
    try store.put(output, at: index + 1, by: .forward(layer: index))
  }

  /// The backward of layer `index`: reads activations `index` (its input) and `index + 1` (its
  /// output) from `store`, and returns the gradient for the layer below together with the
  /// layer's parameter gradient. It frees nothing: that is the caller's decision.
  public func backward(
    layer index: Int, outputGradient: Tensor, in store: ActivationStore
  ) throws -> LayerBackward {
    try precondition(
      index >= 0 && index < depth, orThrow: "backward of layer \(index) in a chain of \(depth)")
    let input = try store.load(index, for: "backward of layer \(index)")
    let output = try store.load(index + 1, for: "backward of layer \(index)")
    try precondition(
      input.rows == output.rows && input.columns == layers[index].inputWidth
        && output.columns == layers[index].outputWidth,
      orThrow: "backward of layer \(index): activation \(index) (\(input.rows) × \(input.columns)) "
        + "and activation \(index + 1) (\(output.rows) × \(output.columns)) do not belong to the "
        + "same batch through this layer")
    try precondition(
      outputGradient.rows == output.rows && outputGradient.columns == output.columns,
      orThrow: "backward of layer \(index): the output gradient is \(outputGradient.rows) × "
        + "\(outputGradient.columns), activation \(index + 1) is \(output.rows) × \(output.columns)"
    )
    store.record(.backward(layer: index))
    return layers[index].backward(input: input, output: output, outputGradient: outputGradient)
  }

  /// The loss of activation `depth` (the output, read from `store`) against `targets`, and its
  /// gradient: the `outputGradient` the backward of the last layer starts from.
  public func loss(targets: Tensor, in store: ActivationStore) throws -> LossValue {
    let output = try store.load(depth, for: "the loss")
    return try loss.evaluate(output: output, targets: targets)
  }
}

/// SplitMix64 again: the kit cannot see the graders' generator choices, and `uniform` must give
/// the same chain for the same seed everywhere.
struct ChainSeed: RandomNumberGenerator {
  private var state: UInt64

  init(_ seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
