/// The contract of the AffineUInt8 exercise: asymmetric quantization to uint8 with a zero point,
/// calibrated the way PyTorch's `MinMaxObserver` does it.
///
/// - Widen the range to contain 0: `min′ = min(min, 0)`, `max′ = max(max, 0)`.
/// - `scale = max((max′ − min′) / 255, 2⁻²³)`.
/// - `zeroPoint = clamp(0 − round(min′ / scale), 0, 255)`.
/// - `q = clamp(round(x / scale) + zeroPoint, 0, 255)`, rounding half to even, and rounding
///   before the zero point is added: with zero point 11, x / scale = 2.5 gives 2 + 11 = 13, where
///   round(2.5 + 11) would give 14.
/// - `x′ = scale × (q − zeroPoint)`; the code `zeroPoint` stands for exactly 0.0.
/// - NaN or ±∞ in the input throws `QuantizationError.nonFiniteValue(index:)` (first index); an
///   empty input calibrates as all zeros.
public protocol AffineUInt8 {
  /// The scale and zero point min/max calibration gives `values`.
  func parameters(for values: [Float]) throws -> (scale: Float, zeroPoint: Int)
  /// Each value's code; throws `invalidScale` or `invalidZeroPoint` for parameters out of range.
  func quantize(_ values: [Float], scale: Float, zeroPoint: Int) throws -> [UInt8]
  /// The value each code stands for, `scale × (q − zeroPoint)` in fp32.
  func dequantize(_ codes: [UInt8], scale: Float, zeroPoint: Int) throws -> [Float]
  /// Calibrates on `values` and quantizes them.
  func quantize(_ values: [Float]) throws -> QuantizedTensor<UInt8>
}
