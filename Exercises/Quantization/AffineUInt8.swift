import Harness
import Quantization

/// Exercise AffineUInt8: asymmetric uint8 quantization with a zero point, calibrated on the
/// tensor's minimum and maximum as PyTorch's MinMaxObserver does.
///
/// Read Lessons/Quantization.md, section "Affine uint8 and the zero point", then replace each
/// `throw` with your code. Check your work with `workbook check AffineUInt8`.
///
/// The contract, with every rule the grader checks:
/// Sources/Quantization/Contracts/AffineUInt8.swift.
public struct AffineUInt8Quantizer: AffineUInt8 {
  public init() {}

  public func parameters(for values: [Float]) throws -> (scale: Float, zeroPoint: Int) {
    throw Unimplemented(lesson: "Quantization", section: "Affine uint8 and the zero point")
  }

  public func quantize(_ values: [Float], scale: Float, zeroPoint: Int) throws -> [UInt8] {
    throw Unimplemented(lesson: "Quantization", section: "Affine uint8 and the zero point")
  }

  public func dequantize(_ codes: [UInt8], scale: Float, zeroPoint: Int) throws -> [Float] {
    throw Unimplemented(lesson: "Quantization", section: "Affine uint8 and the zero point")
  }

  public func quantize(_ values: [Float]) throws -> QuantizedTensor<UInt8> {
    throw Unimplemented(lesson: "Quantization", section: "Affine uint8 and the zero point")
  }
}
