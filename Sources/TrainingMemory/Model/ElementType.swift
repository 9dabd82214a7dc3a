/// An element type a tensor can be stored in, with its size.
///
/// tf32 is a compute mode of NVIDIA's tensor cores: its values are stored in 4 bytes, as fp32.
/// int4 packs two values per byte, which is why sizes are kept in bits.
public enum ElementType: String, CaseIterable, Sendable {
  /// IEEE double precision, 8 bytes.
  case fp64
  /// IEEE single precision, 4 bytes.
  case fp32
  /// TensorFloat-32: computed with 10 fraction bits, stored as fp32 in 4 bytes.
  case tf32
  /// IEEE half precision, 2 bytes.
  case fp16
  /// bfloat16: fp32's exponent with 7 fraction bits, 2 bytes.
  case bf16
  /// An 8-bit float (E4M3 or E5M2), 1 byte.
  case fp8
  /// An 8-bit integer, 1 byte.
  case int8
  /// A 4-bit integer, half a byte.
  case int4

  /// Bits one element occupies in memory.
  public var bits: UInt64 {
    switch self {
    case .fp64: return 64
    case .fp32, .tf32: return 32
    case .fp16, .bf16: return 16
    case .fp8, .int8: return 8
    case .int4: return 4
    }
  }

  /// Bytes one element occupies: 0.5 for int4.
  public var bytesPerElement: Double { Double(bits) / 8 }

  /// Bytes `count` elements occupy, rounded up to whole bytes (an odd number of int4 values
  /// still needs the last byte).
  ///
  /// - Throws: `TrainingMemoryError.overflow` when the size does not fit in 64 bits.
  public func bytes(count: UInt64) throws -> UInt64 {
    // count × bits / 8 without forming count × bits, which may overflow when the result does not.
    let whole = try Checked.multiply(count / 8, bits, "\(count) \(rawValue) elements")
    let rest = (count % 8 * bits + 7) / 8
    return try Checked.add(whole, rest, "\(count) \(rawValue) elements")
  }
}
