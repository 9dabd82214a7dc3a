import Quantization

/// Reference solution of LossScaling, with PyTorch GradScaler's update rule.
public struct LossScaler: LossScaling {
  public init() {}

  public func halfPrecisionGradients(_ gradients: [Float], lossScale: Float) throws -> [Float] {
    guard lossScale.isFinite, lossScale > 0 else { throw QuantizationError.invalidScale(lossScale) }
    // Scale in fp32, store in fp16 (where small values are lost and large ones overflow), then
    // unscale in fp32 as the optimizer does.
    return gradients.map { HalfPrecision.round($0 * lossScale) / lossScale }
  }

  public func step(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling)
    throws -> LossScalingStep
  {
    let unscaled = try halfPrecisionGradients(gradients, lossScale: state.scale)
    if unscaled.contains(where: { !$0.isFinite }) {
      // An overflow somewhere: this step's gradients are garbage. Skip it and back off.
      return LossScalingStep(
        gradients: nil,
        next: LossScalerState(scale: state.scale * policy.backoffFactor, goodSteps: 0))
    }
    var next = LossScalerState(scale: state.scale, goodSteps: state.goodSteps + 1)
    if next.goodSteps >= policy.growthInterval {
      // A long enough run without overflow: try a larger scale to keep more small gradients.
      let grown = state.scale * policy.growthFactor
      if grown.isFinite { next.scale = grown }
      next.goodSteps = 0
    }
    return LossScalingStep(gradients: unscaled, next: next)
  }
}
