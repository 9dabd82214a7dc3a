import Foundation

/// The reference Adam optimizer (Kingma & Ba 2015), with PyTorch's conventions.
///
/// It is the same algorithm as the Adam you write in the TrainingMemory lesson; topics cannot
/// import each other, so this one lives here. Per parameter it keeps the first moment `m` and
/// the second moment `v`, and one step count for all:
///
///     m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
public struct Adam: Equatable, Sendable, Codable {
  /// The step size, lr.
  public let learningRate: Double
  /// Decay of the first moment, β₁.
  public let beta1: Double
  /// Decay of the second moment, β₂.
  public let beta2: Double
  /// Added to the denominator so it is never zero, ε.
  public let epsilon: Double
  /// Updates applied so far, t.
  public private(set) var steps = 0
  /// The first moment of every parameter, in `Gradients.flattened` order.
  public private(set) var firstMoment: [Double] = []
  /// The second moment of every parameter.
  public private(set) var secondMoment: [Double] = []

  /// Creates an optimizer with no state yet; the moments start at zero on the first update.
  public init(
    learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8
  ) throws {
    try precondition(
      learningRate > 0 && learningRate.isFinite, orThrow: "a learning rate of \(learningRate)")
    try precondition(
      (0..<1).contains(beta1) && (0..<1).contains(beta2),
      orThrow: "betas must lie in [0, 1), got \(beta1) and \(beta2)")
    try precondition(epsilon > 0, orThrow: "an epsilon of \(epsilon)")
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// One update of every parameter of `chain` with `gradients`.
  public mutating func update(_ chain: inout Chain, with gradients: Gradients) throws {
    let shapesMatch =
      gradients.layers.count == chain.depth
      && zip(gradients.layers, chain.layers).allSatisfy {
        $0.weights.count == $1.weights.count && $0.bias.count == $1.bias.count
      }
    try precondition(
      shapesMatch, orThrow: "Adam.update: the gradients are not shaped like the chain")
    let flat = gradients.flattened
    if firstMoment.isEmpty {
      firstMoment = [Double](repeating: 0, count: flat.count)
      secondMoment = firstMoment
    }
    try precondition(
      firstMoment.count == flat.count,
      orThrow: "Adam.update: this optimizer holds state for \(firstMoment.count) parameters, "
        + "the chain has \(flat.count)")
    steps += 1
    let firstCorrection = 1 - Foundation.pow(beta1, Double(steps))
    let secondCorrection = 1 - Foundation.pow(beta2, Double(steps))
    var position = 0
    for layer in chain.layers.indices {
      for entry in chain.layers[layer].weights.indices {
        chain.layers[layer].weights[entry] -= delta(
          flat[position], at: position,
          firstCorrection, secondCorrection)
        position += 1
      }
      for entry in chain.layers[layer].bias.indices {
        chain.layers[layer].bias[entry] -= delta(
          flat[position], at: position,
          firstCorrection, secondCorrection)
        position += 1
      }
    }
  }

  /// Updates the moments of parameter `index` and returns how far it moves.
  private mutating func delta(
    _ gradient: Double, at index: Int, _ firstCorrection: Double, _ secondCorrection: Double
  ) -> Double {
    firstMoment[index] = beta1 * firstMoment[index] + (1 - beta1) * gradient
    secondMoment[index] = beta2 * secondMoment[index] + (1 - beta2) * gradient * gradient
    let corrected = firstMoment[index] / firstCorrection
    return learningRate * corrected
      / ((secondMoment[index] / secondCorrection).squareRoot() + epsilon)
  }
}
