/// The gradient of the loss with respect to every parameter of a chain, one entry per layer.
public struct Gradients: Equatable, Sendable, Codable {
  /// `layers[i]` is the gradient of layer `i`.
  public var layers: [LayerGradients]

  /// Creates a chain's gradient from its layers' gradients.
  public init(layers: [LayerGradients]) {
    self.layers = layers
  }

  /// All zeros, shaped like `chain`: the start of a sum.
  public static func zeros(for chain: Chain) -> Gradients {
    Gradients(
      layers: chain.layers.map {
        LayerGradients(
          weights: [Double](repeating: 0, count: $0.weights.count),
          bias: [Double](repeating: 0, count: $0.bias.count))
      })
  }

  /// Every entry multiplied by `factor`.
  public func scaled(by factor: Double) -> Gradients {
    Gradients(
      layers: layers.map {
        LayerGradients(weights: $0.weights.map { $0 * factor }, bias: $0.bias.map { $0 * factor })
      })
  }

  /// The entrywise sum of two gradients of the same shape.
  public func adding(_ other: Gradients) throws -> Gradients {
    try precondition(
      other.layers.count == layers.count,
      orThrow: "adding gradients of \(other.layers.count) layers to gradients of \(layers.count)")
    var sum = self
    for (index, layer) in other.layers.enumerated() {
      try precondition(
        layer.weights.count == layers[index].weights.count
          && layer.bias.count == layers[index].bias.count,
        orThrow: "adding gradients: layer \(index) has a different shape")
      for entry in layer.weights.indices {
        sum.layers[index].weights[entry] += layer.weights[entry]
      }
      for entry in layer.bias.indices { sum.layers[index].bias[entry] += layer.bias[entry] }
    }
    return sum
  }

  /// Every entry in order: layer 0's weights, layer 0's biases, layer 1's weights, ...
  public var flattened: [Double] {
    layers.flatMap { $0.weights + $0.bias }
  }
}

/// What one training step computes: the batch's mean loss and its gradient.
public struct StepResult: Equatable, Sendable, Codable {
  /// The mean loss over the batch, before any update.
  public var loss: Double
  /// The gradient of that loss with respect to every parameter.
  public var gradients: Gradients

  /// Creates a step's result.
  public init(loss: Double, gradients: Gradients) {
    self.loss = loss
    self.gradients = gradients
  }
}
