import Harness
import Quantization

/// Exercise QuantizedInference: quantize the weights of a small MLP to int8, run it, and report
/// what that cost in accuracy and saved in memory.
///
/// Read Lessons/Quantization.md, section "Quantizing a whole network", then replace each `throw`
/// with your code. Check your work with `workbook check QuantizedInference`.
///
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/QuantizedInference.swift.
public struct QuantizedMLPRunner: QuantizedInference {
  public init() {}

  public func quantize(_ model: DenseMLP) throws -> QuantizedMLP {
    throw Unimplemented(lesson: "Quantization", section: "Quantizing a whole network")
  }

  public func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float] {
    throw Unimplemented(lesson: "Quantization", section: "Quantizing a whole network")
  }

  public func report(_ model: DenseMLP, input: [Float], batch: Int) throws
    -> QuantizedInferenceReport
  {
    throw Unimplemented(lesson: "Quantization", section: "Quantizing a whole network")
  }
}
