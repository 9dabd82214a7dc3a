/// The contract of the IntegerDecoding exercise: three readings of the same n bits.
///
/// The pattern sits in the low `width` bits of `bits` (1 ≤ width ≤ 64); higher bits are zero.
/// For example, the 4-bit pattern `0b1011` reads as 11 unsigned, −3 in sign-magnitude and −5 in
/// two's complement.
public protocol IntegerDecoding {
  /// The pattern read as an unsigned integer: the sum of the powers of two of its set bits.
  func unsigned(_ bits: UInt64, width: Int) throws -> UInt64
  /// The top bit is the sign; the other `width − 1` bits are the magnitude.
  func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64
  /// The top bit weighs −2^(width−1); the others weigh as in the unsigned reading.
  func twosComplement(_ bits: UInt64, width: Int) throws -> Int64
}
