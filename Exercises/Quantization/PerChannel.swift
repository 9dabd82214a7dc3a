import Harness
import Quantization

/// Exercise PerChannel: quantize a weight matrix with one symmetric int8 scale per row.
///
/// Read Lessons/Quantization.md, section "One scale per channel", then replace each `throw` with
/// your code. Check your work with `workbook check PerChannel`.
///
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/PerChannel.swift.
public struct PerChannelQuantizer: PerChannel {
  public init() {}

  public func quantize(_ weights: [Float], rows: Int, columns: Int) throws
    -> PerChannelQuantizedTensor
  {
    throw Unimplemented(lesson: "Quantization", section: "One scale per channel")
  }

  public func dequantize(_ tensor: PerChannelQuantizedTensor) throws -> [Float] {
    throw Unimplemented(lesson: "Quantization", section: "One scale per channel")
  }
}
