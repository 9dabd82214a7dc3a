import Checkpointing
import Harness

/// Exercise TrainingRun: train a deep, narrow chain with your checkpointed step and Adam.
///
/// Read Lessons/Checkpointing.md, section "Training a deep, narrow chain", then replace the
/// `throw` with your code. Check your work with `workbook check TrainingRun`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/TrainingRun.swift.
public struct CheckpointedTraining: TrainingRun {
  public init() {}

  public func train(
    _ chain: inout Chain, on data: Dataset, optimizer: inout Adam, steps: Int,
    segmentLength: Int, store: ActivationStore
  ) throws -> [Double] {
    throw Unimplemented(lesson: "Checkpointing", section: "Training a deep, narrow chain")
  }
}
