import Harness
import TrainingMemory

/// Exercise TrainingPeak: the peak memory of one training step of a chain of layers.
///
/// Read Lessons/TrainingMemory.md, section "Lifetimes in a training step", then replace the
/// `throw` with your code. Check your work with `workbook check TrainingPeak`.
///
/// The contract, with every rule the grader checks:
/// Sources/TrainingMemory/Contracts/TrainingPeak.swift.
public struct PeakEstimator: TrainingPeakEstimating {
  public init() {}

  public func peakBytes(_ step: TrainingStep) throws -> UInt64 {
    throw Unimplemented(lesson: "TrainingMemory", section: "Lifetimes in a training step")
  }
}
