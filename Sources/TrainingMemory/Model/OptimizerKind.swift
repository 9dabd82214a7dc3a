/// The optimizers the topic accounts for, by the state they keep per trainable parameter.
public enum OptimizerKind: String, CaseIterable, Sendable {
  /// Plain stochastic gradient descent: θ ← θ − lr·g. No state.
  case sgd
  /// SGD with momentum: one velocity per parameter.
  case momentum
  /// Adam: a first moment m and a second moment v per parameter (plus one step count).
  case adam
  /// No optimizer and no backward pass: a forward pass only, so no gradients either.
  case none

  /// Values the optimizer keeps per trainable parameter between steps.
  public var statesPerParameter: UInt64 {
    switch self {
    case .sgd, .none: return 0
    case .momentum: return 1
    case .adam: return 2
    }
  }

  /// Whether training with this optimizer computes and keeps a gradient per trainable parameter.
  public var keepsGradients: Bool { self != .none }
}
