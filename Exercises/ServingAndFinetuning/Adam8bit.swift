import Harness
import ServingAndFinetuning

/// Exercise Adam8bit: Adam whose two moments are stored blockwise in 8 bits.
///
/// Read Lessons/ServingAndFinetuning.md, section "Eight-bit optimizer state", then replace each
/// `throw` with your code. Check your work with `workbook check Adam8bit`.
/// The contract, with every rule the grader checks:
/// Sources/ServingAndFinetuning/Contracts/Adam8bit.swift.
public struct Adam8bitOptimizer: Adam8bit {
  public init() {}

  public func initialState(parameterCount: Int, blockSize: Int) throws -> Adam8bitState {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Eight-bit optimizer state")
  }

  public func step(
    parameters: [Float], gradient: [Float], state: Adam8bitState, hyper: AdamHyperparameters
  ) throws -> Adam8bitStep {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Eight-bit optimizer state")
  }
}
