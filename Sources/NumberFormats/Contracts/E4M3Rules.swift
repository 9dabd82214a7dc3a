/// The contract of the E4M3Rules exercise: the 8-bit format that gives up infinities.
///
/// E4M3 has 1 sign, 4 exponent and 3 fraction bits, bias 7. Unlike an IEEE format, the
/// exponent field 1111 holds ordinary numbers: only S.1111.111 (0x7F and 0xFF) is NaN, so 0x7E
/// is the largest finite value, 1.75 × 2^8 = 448, and there is no infinity at all.
///
/// Encoding follows PyTorch's `float8_e4m3fn` conversion: round to nearest, ties to even, as if
/// the NaN pattern 0x7F stood for 480. So magnitudes up to 464 (the midpoint, a tie that goes to
/// the even 448) stay finite, anything larger becomes NaN with the input's sign (`overflowed`
/// is true), and ±∞ and NaN become NaN too.
public protocol E4M3Rules {
  /// The fields, class and exact value of an E4M3 pattern.
  func decode(_ bits: UInt8) throws -> DecodedFloat
  /// The E4M3 pattern nearest to `value`, with the rules above (`bits` fits in 8 bits).
  func encode(_ value: Double) throws -> EncodedFloat
}
