import Harness
import ServingAndFinetuning

/// Exercise Int4AndNF4: 4-bit weights, int4 with an fp16 scale per group and NF4
/// with double-quantized block constants, packed two codes per byte.
///
/// Read Lessons/ServingAndFinetuning.md, section "Four-bit weights", then replace each `throw`
/// with your code. Check your work with `workbook check Int4AndNF4`.
/// The contract, with every rule the grader checks:
/// Sources/ServingAndFinetuning/Contracts/Int4AndNF4.swift.
public struct BlockQuantizer: Int4AndNF4 {
  public init() {}

  public func quantizeInt4(_ values: [Float], groupSize: Int) throws -> Int4Weights {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Four-bit weights")
  }

  public func dequantize(_ weights: Int4Weights) throws -> [Float] {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Four-bit weights")
  }

  public func quantizeNF4(_ values: [Float]) throws -> NF4Weights {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Four-bit weights")
  }

  public func dequantize(_ weights: NF4Weights) throws -> [Float] {
    throw Unimplemented(lesson: "ServingAndFinetuning", section: "Four-bit weights")
  }
}
