/// Adam's hyperparameters (Kingma & Ba, 2015, Algorithm 1).
public struct AdamSettings: Equatable, Sendable {
  /// The step size α (lr).
  public var learningRate: Float
  /// Decay of the first moment, β₁.
  public var beta1: Float
  /// Decay of the second moment, β₂.
  public var beta2: Float
  /// ε, added to √v̂ so the division never divides by zero.
  public var epsilon: Float
  /// Whether m and v are divided by 1 − βᵗ before use (the paper's bias correction).
  public var biasCorrection: Bool

  /// Settings; the defaults are the paper's (α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸).
  public init(
    learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-8, biasCorrection: Bool = true
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.biasCorrection = biasCorrection
  }
}

/// The contract of the AdamStep exercise: an Adam optimizer over a flat array of Float
/// parameters, which keeps its own state between steps.
///
/// One step t (counting from 1) with gradient g, for every parameter i:
///
///     m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
///     m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)      (m̂ = m, v̂ = v without correction)
///     θ ← θ − lr · m̂ / (√v̂ + ε)
///
/// The state is exactly what memory accounting charges Adam for: two Floats per parameter
/// (`m` and `v`) plus one step count. Keep no other per-parameter arrays.
public protocol AdamStepping {
  /// An optimizer for `parameterCount` parameters: m and v all zero, no step taken.
  ///
  /// - Throws: an error when `parameterCount` is negative.
  init(parameterCount: Int, settings: AdamSettings) throws

  /// The first moments, one per parameter.
  var m: [Float] { get }
  /// The second moments, one per parameter.
  var v: [Float] { get }
  /// Steps taken so far (t after the latest step).
  var stepCount: Int { get }

  /// Applies one Adam step to `parameters` in place, using `gradients`.
  ///
  /// - Throws: an error (and changes nothing) when either array's length differs from the
  ///   parameter count the optimizer was made for.
  mutating func step(_ parameters: inout [Float], gradients: [Float]) throws
}
