import Checkpointing
import Harness

/// Exercise GradientAccumulation: the whole batch's gradient, one micro-batch at a time.
///
/// Read Lessons/Checkpointing.md, section "Gradient accumulation", then replace the `throw`
/// with your code. Check your work with `workbook check GradientAccumulation`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/GradientAccumulation.swift.
public struct MicroBatchAccumulator: GradientAccumulation {
  public init() {}

  public func accumulate(
    _ chain: Chain, input: Tensor, targets: Tensor, microBatches: Int, store: ActivationStore
  ) throws -> StepResult {
    throw Unimplemented(lesson: "Checkpointing", section: "Gradient accumulation")
  }
}
