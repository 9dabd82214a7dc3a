/// The contract of the Int4AndNF4 exercise: 4-bit weights, int4 per group and NF4.
///
/// int4, per group of `groupSize` consecutive weights (the last may be shorter):
/// - scale = the fp16 value nearest to absmax / 7 (`HalfBits.encode`), stored as its pattern;
/// - with s that scale read back as a Float: q = clamp(round(x / s), −7, 7), half to even, x / s
///   in fp32; a group whose scale is 0 (all zeros) gets q = 0 everywhere;
/// - x′ = q × s.
///
/// NF4 with double quantization, per block of 64 consecutive weights:
/// - c = the block's absmax (fp32); per group of 256 constants, s₂ = max(c) / 255 and each
///   constant's code is min(255, ⌈c / s₂⌉) in fp32 (rounded *up*, so the stored absmax
///   c′ = code × s₂ is never below the true one; a group of zeros has s₂ = 0 and codes 0);
/// - each weight's code is the index of the NF4 level nearest to x / c′ (ties to the lower
///   index; when c′ = 0 the code is 7, the level 0);
/// - x′ = level[code] × c′.
///
/// Both pack two codes per byte as `Int4Weights` says. A NaN or ±∞ throws
/// `ServingError.nonFiniteValue(index:)`; an int4 scale above fp16's 65504 throws
/// `valueOutOfRange(index:)` with the index of the group's absmax; a group size ≤ 0 throws
/// `invalidConfiguration`.
public protocol Int4AndNF4 {
  /// int4 codes with one fp16 scale per `groupSize` weights.
  func quantizeInt4(_ values: [Float], groupSize: Int) throws -> Int4Weights
  /// The values int4 weights stand for.
  func dequantize(_ weights: Int4Weights) throws -> [Float]
  /// NF4 codes with one double-quantized absmax per 64 weights.
  func quantizeNF4(_ values: [Float]) throws -> NF4Weights
  /// The values NF4 weights stand for.
  func dequantize(_ weights: NF4Weights) throws -> [Float]
}
