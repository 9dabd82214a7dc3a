import Harness
import Quantization

/// Exercise Int8MatMul: multiply int8 matrices with int32 accumulators, then requantize.
///
/// Read Lessons/Quantization.md, section "Integer matrix multiplication", then replace each
/// `throw` with your code. Check your work with `workbook check Int8MatMul`.
///
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/Int8MatMul.swift.
public struct Int8MatrixMultiplier: Int8MatMul {
  public init() {}

  public func multiply(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) throws -> [Int32] {
    throw Unimplemented(lesson: "Quantization", section: "Integer matrix multiplication")
  }

  public func requantize(_ accumulators: [Int32], multiplier: Double) throws -> [Int8] {
    throw Unimplemented(lesson: "Quantization", section: "Integer matrix multiplication")
  }

  public func multiply(
    _ a: QuantizedTensor<Int8>, _ b: QuantizedTensor<Int8>, m: Int, k: Int, n: Int,
    outputScale: Float
  ) throws -> QuantizedTensor<Int8> {
    throw Unimplemented(lesson: "Quantization", section: "Integer matrix multiplication")
  }
}
