import Checkpointing
import Harness

/// Exercise StoreAllBackprop: backpropagation through a chain, keeping every activation.
///
/// Read Lessons/Checkpointing.md, section "Training as a chain", then replace the `throw` with
/// your code. Check your work with `workbook check StoreAllBackprop`.
///
/// The contract, with every rule the grader checks:
/// Sources/Checkpointing/Contracts/StoreAllBackprop.swift.
public struct StoreAllBackpropagation: StoreAllBackprop {
  public init() {}

  public func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
    -> StepResult
  {
    throw Unimplemented(lesson: "Checkpointing", section: "Training as a chain")
  }
}
