import Foundation
import Harness

/// The function applied to every element after a dense layer.
public enum ActivationFunction: String, CaseIterable, Sendable {
  /// max(0, x), written `x > 0 ? x : 0`: negative values, −0 and NaN become +0.
  case relu
  /// x unchanged.
  case identity
  /// The hyperbolic tangent, from the C library (`tanhf`).
  case tanh

  /// The function's value at `x`; forward passes call this so that results agree to the bit.
  public func apply(_ x: Float) -> Float {
    switch self {
    case .relu: return x > 0 ? x : 0
    case .identity: return x
    case .tanh: return Foundation.tanh(x)
    }
  }
}

/// A multilayer perceptron: dense layers, each followed by the same activation function.
///
/// `widths[0]` is the number of input features and layer `l` (from 0) maps `widths[l]` features
/// to `widths[l + 1]`. Its weights are row-major with one row per output:
/// `weights[l][j * widths[l] + i]` multiplies input `i` for output `j`, and `biases[l][j]` is
/// output `j`'s bias. A batch of `B` inputs is stored row by row: sample `b`, feature `i` at
/// `b * width + i`. The activation follows every layer, the last one included.
public struct MLP: Sendable {
  /// Features at each boundary: input width, then each layer's output width.
  public let widths: [Int]
  /// One row-major matrix per layer, `widths[l + 1] × widths[l]` elements.
  public let weights: [[Float]]
  /// One vector per layer, `widths[l + 1]` elements.
  public let biases: [[Float]]
  /// The function applied after every layer.
  public let activation: ActivationFunction

  /// Creates a network, checking that every matrix and vector has the size its widths imply.
  ///
  /// - Throws: `MLPError` when there is no layer, a width is below 1, or a size is wrong.
  public init(
    widths: [Int], weights: [[Float]], biases: [[Float]], activation: ActivationFunction
  ) throws {
    guard widths.count >= 2 else { throw MLPError("an MLP needs at least one layer") }
    if let bad = widths.firstIndex(where: { $0 < 1 }) {
      throw MLPError("width \(bad) is \(widths[bad]); every width must be at least 1")
    }
    let layers = widths.count - 1
    guard weights.count == layers, biases.count == layers else {
      throw MLPError(
        "\(layers) layers need \(layers) weight matrices and bias vectors, "
          + "got \(weights.count) and \(biases.count)")
    }
    for layer in 0..<layers {
      guard weights[layer].count == widths[layer + 1] * widths[layer] else {
        throw MLPError(
          "layer \(layer) needs \(widths[layer + 1] * widths[layer]) weights, "
            + "got \(weights[layer].count)")
      }
      guard biases[layer].count == widths[layer + 1] else {
        throw MLPError(
          "layer \(layer) needs \(widths[layer + 1]) biases, got \(biases[layer].count)")
      }
    }
    self.widths = widths
    self.weights = weights
    self.biases = biases
    self.activation = activation
  }

  /// A network with the given widths and weights drawn uniformly from ±1/√(fan-in) (biases
  /// from ±0.1), reproducible from `seed`: what the pictures and benchmarks run.
  ///
  /// - Throws: `MLPError` for fewer than two widths or a width below 1.
  public static func random(
    widths: [Int], activation: ActivationFunction = .relu, seed: UInt64
  ) throws -> MLP {
    var generator = SeededGenerator(seed: seed)
    return try random(widths: widths, activation: activation, using: &generator)
  }

  /// A random network drawn from `generator`, as `random(widths:activation:seed:)` describes.
  ///
  /// - Throws: `MLPError` for fewer than two widths or a width below 1.
  public static func random(
    widths: [Int], activation: ActivationFunction = .relu,
    using generator: inout some RandomNumberGenerator
  ) throws -> MLP {
    guard widths.count >= 2, widths.allSatisfy({ $0 >= 1 }) else {
      throw MLPError("an MLP needs at least two widths, each at least 1; got \(widths)")
    }
    var weights: [[Float]] = []
    var biases: [[Float]] = []
    for layer in 0..<(widths.count - 1) {
      let bound = 1 / Float(widths[layer]).squareRoot()
      weights.append(
        (0..<(widths[layer] * widths[layer + 1])).map { _ in
          Float.random(in: -bound...bound, using: &generator)
        })
      biases.append(
        (0..<widths[layer + 1]).map { _ in Float.random(in: -0.1...0.1, using: &generator) })
    }
    return try MLP(widths: widths, weights: weights, biases: biases, activation: activation)
  }

  /// The number of dense layers.
  public var layerCount: Int { widths.count - 1 }
}

/// A malformed MLP description, with a one-line message.
public struct MLPError: Error, Equatable, CustomStringConvertible {
  /// The one-line message.
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
