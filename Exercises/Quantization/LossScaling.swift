import Harness
import Quantization

/// Exercise LossScaling: watch small gradients vanish in fp16 and bring them back by scaling the
/// loss, first with a fixed scale, then with a scale that adapts to overflows.
///
/// Read Lessons/Quantization.md, section "Mixed precision and loss scaling", then replace each
/// `throw` with your code. `HalfPrecision.round` rounds a Float to fp16 for you.
/// Check your work with `workbook check LossScaling`.
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/LossScaling.swift.
public struct LossScaler: LossScaling {
  public init() {}

  public func halfPrecisionGradients(_ gradients: [Float], lossScale: Float) throws -> [Float] {
    throw Unimplemented(lesson: "Quantization", section: "Mixed precision and loss scaling")
  }

  public func step(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling)
    throws -> LossScalingStep
  {
    throw Unimplemented(lesson: "Quantization", section: "Mixed precision and loss scaling")
  }
}
