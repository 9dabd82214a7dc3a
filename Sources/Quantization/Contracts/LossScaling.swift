/// The contract of the LossScaling exercise: fp16 gradients, their underflow, and loss scaling,
/// static and dynamic.
///
/// The model of a mixed-precision step used here: the backward pass works on the loss multiplied
/// by `S`, so every gradient it stores in fp16 is `fp16(g × S)` (the product taken in fp32, then
/// rounded to fp16, half to even); the optimizer divides by `S` again in fp32. `S = 1` is training
/// without loss scaling.
public protocol LossScaling {
  /// What survives of fp32 gradients `g` under loss scale `S`: `Float(fp16(g × S)) / S`.
  ///
  /// Gradients too small for fp16 come back as 0, gradients whose scaled value is 65520 or more
  /// come back as ±∞ (between 65504 and 65520 it rounds to 65504, which is finite), NaN stays NaN: non-finite results are data here, not errors (they are how
  /// the dynamic scaler notices an overflow). Throws `invalidScale` unless `S` is finite and > 0.
  func halfPrecisionGradients(_ gradients: [Float], lossScale: Float) throws -> [Float]

  /// One step of dynamic loss scaling, as `LossScalingStep` and `DynamicLossScaling` define it:
  /// compute `halfPrecisionGradients(gradients, lossScale: state.scale)`; if any is NaN or ±∞,
  /// skip the step (no gradients), multiply the scale by `backoffFactor` and reset the count of
  /// good steps to 0; otherwise return the gradients and add one good step, and when the count
  /// reaches `growthInterval`, multiply the scale by `growthFactor` (only if the product is
  /// finite) and reset the count to 0. Throws `invalidScale` unless `state.scale` is finite and > 0.
  func step(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling) throws
    -> LossScalingStep
}

/// What a dynamic loss scaler carries from one step to the next.
public struct LossScalerState: Equatable, Sendable, Codable {
  /// The current loss scale `S`.
  public var scale: Float
  /// Steps in a row without an overflow since the last change of scale.
  public var goodSteps: Int

  /// Creates a state.
  public init(scale: Float, goodSteps: Int = 0) {
    self.scale = scale
    self.goodSteps = goodSteps
  }
}

/// The knobs of a dynamic loss scaler; the defaults are PyTorch's `GradScaler`'s.
public struct DynamicLossScaling: Equatable, Sendable {
  /// The scale of the first step: 2¹⁶.
  public var initialScale: Float
  /// What a growth multiplies the scale by.
  public var growthFactor: Float
  /// What an overflow multiplies the scale by.
  public var backoffFactor: Float
  /// Good steps in a row after which the scale grows.
  public var growthInterval: Int

  /// Creates a policy; the defaults are 65536, 2, 0.5 and 2000.
  public init(
    initialScale: Float = 65536, growthFactor: Float = 2, backoffFactor: Float = 0.5,
    growthInterval: Int = 2000
  ) {
    self.initialScale = initialScale
    self.growthFactor = growthFactor
    self.backoffFactor = backoffFactor
    self.growthInterval = growthInterval
  }

  /// The state before the first step.
  public var initialState: LossScalerState {
    LossScalerState(scale: initialScale, goodSteps: 0)
  }
}

/// The outcome of one dynamic-scaling step.
public struct LossScalingStep: Equatable, Sendable, Codable {
  /// The unscaled gradients to apply, or nil when the step was skipped for an overflow.
  public var gradients: [Float]?
  /// The scaler's state for the next step.
  public var next: LossScalerState

  /// Creates an outcome.
  public init(gradients: [Float]?, next: LossScalerState) {
    self.gradients = gradients
    self.next = next
  }

  /// Whether the step was skipped.
  public var skipped: Bool { gradients == nil }
}
