import Harness
import Quantization

/// Exercise SymmetricInt8: absmax quantization of a tensor to int8 and back.
///
/// Read Lessons/Quantization.md, section "Symmetric int8", then replace each `throw` with your
/// code. The contract (`SymmetricInt8` in Sources/Quantization) states every convention.
/// Check your work with `workbook check SymmetricInt8`.
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/SymmetricInt8.swift.
public struct SymmetricInt8Quantizer: SymmetricInt8 {
  public init() {}

  public func scale(for values: [Float]) throws -> Float {
    throw Unimplemented(lesson: "Quantization", section: "Symmetric int8")
  }

  public func quantize(_ values: [Float], scale: Float) throws -> [Int8] {
    throw Unimplemented(lesson: "Quantization", section: "Symmetric int8")
  }

  public func dequantize(_ codes: [Int8], scale: Float) throws -> [Float] {
    throw Unimplemented(lesson: "Quantization", section: "Symmetric int8")
  }

  public func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8> {
    throw Unimplemented(lesson: "Quantization", section: "Symmetric int8")
  }
}
