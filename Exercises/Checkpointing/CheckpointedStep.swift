import Checkpointing
import Harness

/// Exercise CheckpointedStep: keep only segment boundaries, recompute each segment in backward.
///
/// Read Lessons/Checkpointing.md, section "Checkpointing segments", then replace the `throw`
/// with your code. Check your work with `workbook check CheckpointedStep`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/CheckpointedStep.swift.
public struct SegmentCheckpointing: CheckpointedStep {
  public init() {}

  public func step(
    _ chain: Chain, input: Tensor, targets: Tensor, segmentLength: Int, store: ActivationStore
  ) throws -> StepResult {
    throw Unimplemented(lesson: "Checkpointing", section: "Checkpointing segments")
  }
}
