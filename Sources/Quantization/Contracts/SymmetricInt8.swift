/// The contract of the SymmetricInt8 exercise: absmax ("symmetric") quantization to int8.
///
/// The conventions, as the lesson names them:
/// - `scale = max(absmax / 127, 2⁻²³)`: the step between codes. (LLM.int8 calls the inverse,
///   127 / absmax, "the scale"; PyTorch's symmetric observer divides by 127.5 instead.)
/// - `q = clamp(round(x / scale), −127, 127)`, rounding half to even: 2.5 → 2, 3.5 → 4.
///   −128 is never produced, so the code range is symmetric around 0.
/// - `x′ = q × scale`.
/// - A NaN or ±∞ anywhere in the input throws `QuantizationError.nonFiniteValue(index:)` with the
///   index of the first one; an empty input is fine (scale 2⁻²³, no codes).
public protocol SymmetricInt8 {
  /// The scale absmax calibration gives `values`: `max(absmax / 127, 2⁻²³)`, in fp32.
  func scale(for values: [Float]) throws -> Float
  /// Each value's code under `scale`; throws `invalidScale` unless `scale` is finite and > 0.
  func quantize(_ values: [Float], scale: Float) throws -> [Int8]
  /// The value each code stands for, `q × scale` in fp32; throws `invalidScale` as above.
  func dequantize(_ codes: [Int8], scale: Float) throws -> [Float]
  /// Calibrates on `values` and quantizes them: codes, that scale, and zero point 0.
  func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8>
}
