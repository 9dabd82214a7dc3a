/// The contract of the PerChannel exercise: symmetric int8 with one scale per row of a weight
/// matrix (one per output channel).
///
/// Row `r` is calibrated on its own: `scales[r] = max(absmax(row r) / 127, 2⁻²³)`, and its codes
/// follow the symmetric rule `clamp(round(w / scales[r]), −127, 127)`, half to even. A row of
/// zeros gets scale 2⁻²³. NaN or ±∞ throws `QuantizationError.nonFiniteValue(index:)` (first
/// index, in the flat row-major array); a count that is not `rows × columns` throws
/// `shapeMismatch`, a negative dimension `negativeDimension`.
public protocol PerChannel {
  /// Quantizes a row-major `rows × columns` matrix, one scale per row.
  func quantize(_ weights: [Float], rows: Int, columns: Int) throws -> PerChannelQuantizedTensor
  /// The row-major matrix of `scales[r] × q`; throws `shapeMismatch` when the codes or scales do
  /// not fit the shape, `invalidScale` when a scale is not finite and > 0.
  func dequantize(_ tensor: PerChannelQuantizedTensor) throws -> [Float]
}
