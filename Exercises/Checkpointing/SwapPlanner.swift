import Checkpointing
import Harness

/// Exercise SwapPlanner: simulate swapping activations to host memory, and plan what to swap.
///
/// Read Lessons/Checkpointing.md, section "Swapping to host memory", then replace each `throw`
/// with your code. Check your work with `workbook check SwapPlanner`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/SwapPlanner.swift.
public struct ActivationSwapPlanner: SwapPlanner {
  public init() {}

  public func stepTime(_ problem: SwapProblem, swapping swapped: Set<Int>) throws -> Double {
    throw Unimplemented(lesson: "Checkpointing", section: "Swapping to host memory")
  }

  public func plan(_ problem: SwapProblem) throws -> SwapPlan {
    throw Unimplemented(lesson: "Checkpointing", section: "Swapping to host memory")
  }
}
