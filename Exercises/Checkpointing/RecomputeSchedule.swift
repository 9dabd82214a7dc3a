import Checkpointing
import Harness

/// Exercise RecomputeSchedule: the fewest recomputations for a fixed number of snapshot slots.
///
/// Read Lessons/Checkpointing.md, section "Optimal checkpointing with a fixed budget", then
/// replace each `throw` with your code. Check your work with `workbook check RecomputeSchedule`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/RecomputeSchedule.swift.
public struct RevolveScheduler: RecomputeSchedule {
  public init() {}

  public func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
    throw Unimplemented(
      lesson: "Checkpointing", section: "Optimal checkpointing with a fixed budget")
  }

  public func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
    throw Unimplemented(
      lesson: "Checkpointing", section: "Optimal checkpointing with a fixed budget")
  }
}
